package org.goldbuying.station.shift;

/** OPEN (cash may be paid out) -> COUNTED (the clerk counted cash and gold) -> CLOSED (a supervisor signed off). */
public enum ShiftStatus {
    OPEN,
    COUNTED,
    CLOSED
}
