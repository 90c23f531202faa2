package org.goldbuying.station.common;

/** The JSON body of every refusal: {@code code} for programs, {@code message} for the clerk. */
public record ErrorBody(String code, String message) {
}
