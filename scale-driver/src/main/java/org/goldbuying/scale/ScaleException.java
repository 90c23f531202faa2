package org.goldbuying.scale;

/** A typed device failure: {@link #fault()} says what went wrong, {@link #detail()} says what was seen. */
public class ScaleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ScaleFault fault;
    private final String detail;

    public ScaleException(ScaleFault fault, String detail) {
        super(fault.clerkMessage() + " (" + detail + ")");
        this.fault = fault;
        this.detail = detail;
    }

    public ScaleException(ScaleFault fault, String detail, Throwable cause) {
        super(fault.clerkMessage() + " (" + detail + ")", cause);
        this.fault = fault;
        this.detail = detail;
    }

    public ScaleFault fault() {
        return fault;
    }

    public String detail() {
        return detail;
    }

    public String clerkMessage() {
        return fault.clerkMessage();
    }
}
