package org.goldbuying.centre.feed;

/** A feed could not give a usable price; the message says why in words a treasury user can act on. */
public class FeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
