package org.goldbuying.station.lot;

/** A fraud flag of the assay: its kind, what was measured, and what the clerk must do. */
public record FlagView(String kind, String reason, String clerkMessage) {}
