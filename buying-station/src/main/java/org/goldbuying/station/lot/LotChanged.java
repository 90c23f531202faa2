package org.goldbuying.station.lot;

/** A CDI event, fired after the change committed: a lot the counter is showing changed (shot, quote, flag). */
public record LotChanged(String what, LotView lot) {}
