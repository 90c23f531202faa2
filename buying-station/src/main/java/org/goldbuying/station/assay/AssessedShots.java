package org.goldbuying.station.assay;

import java.util.List;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotView;

/**
 * The shots recorded against a lot, and the lot as the assay left it: what is to be stored. {@code discarded} are
 * the stored shots a re-shoot discarded, to be updated.
 */
record AssessedShots(
        LotOnAnalyser state, List<XrfShotRecord> all, List<XrfShotRecord> added, List<XrfShotRecord> discarded) {
    Lot lot() {
        return state.lot();
    }

    /** One new shot completed the assay and the lot is quoted, with no discards and no AML record to write. */
    boolean quotedCleanlyByOneShot() {
        return added.size() == 1
                && discarded.isEmpty()
                && lot().status() == LotStatus.QUOTED
                && !lot().needsAmlApproval();
    }

    /** The lot still takes shots: worth remembering for the next one. */
    boolean stillAssaying() {
        return lot().status() == LotStatus.ASSAYING && !lot().assay().held();
    }

    LotView view() {
        return LotView.of(lot(), all.stream().map(ShotCodec::view).toList());
    }
}
