package org.goldbuying.station.assay;

/** A CDI event: something about the analyser or its shots the clerk must see (garbled line, no lot waiting). */
public record XrfProblem(String message) {}
