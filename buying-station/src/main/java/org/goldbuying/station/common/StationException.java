package org.goldbuying.station.common;

/** A refusal the clerk can act on: a code for programs and a sentence for people. */
public class StationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final StationError error;

    public StationException(StationError error, String clerkMessage) {
        super(clerkMessage);
        this.error = error;
    }

    public StationError error() {
        return error;
    }
}
