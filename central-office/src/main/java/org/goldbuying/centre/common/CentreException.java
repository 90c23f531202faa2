package org.goldbuying.centre.common;

/** A refusal with a code for programs and a sentence for people. */
public class CentreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CentreError error;

    public CentreException(CentreError error, String message) {
        super(message);
        this.error = error;
    }

    public CentreError error() {
        return error;
    }
}
