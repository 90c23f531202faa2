package org.goldbuying.centre.common;

/** The JSON body of every refusal: {@code code} for programs, {@code message} for people. */
public record ErrorBody(String code, String message) {
}
