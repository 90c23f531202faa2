package org.goldbuying.station.lot;

/** QUOTED -> PAID; VOID only by a supervisor. A lot is never deleted. */
public enum LotStatus { QUOTED, PAID, VOID }
