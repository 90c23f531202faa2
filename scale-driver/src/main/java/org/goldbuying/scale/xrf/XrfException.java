package org.goldbuying.scale.xrf;

/** A typed XRF failure: {@link #fault()} says what went wrong, {@link #detail()} what was seen. */
public class XrfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final XrfFault fault;
    private final String detail;

    public XrfException(XrfFault fault, String detail) {
        super(fault.clerkMessage() + " (" + detail + ")");
        this.fault = fault;
        this.detail = detail;
    }

    public XrfFault fault() {
        return fault;
    }

    public String detail() {
        return detail;
    }

    public String clerkMessage() {
        return fault.clerkMessage();
    }
}
