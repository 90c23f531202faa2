-- Whether the shots that priced a lot include any that did not arrive on the analyser's serial line (imported,
-- pasted or typed): such a lot needs a supervisor's approval (OFF_LINE_ASSAY), also after a requote.
ALTER TABLE lot ADD COLUMN assay_off_line boolean NOT NULL DEFAULT false;
