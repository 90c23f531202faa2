package org.goldbuying.scale.xrf;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an analyser's result stream is laid out, for {@link XrfLineReader}. No vendor publishes a wire format, so
 * every part is configurable; {@link #defaults()} is the station's own format (the one the simulator speaks),
 * described in {@link XrfLineReader} and in {@code docs/devices/xrf-line-format.md}.
 *
 * @param startMarker      first field of the line that opens a result block
 * @param endMarker        first field of the line that closes it
 * @param fieldSeparator   what separates fields on a line
 * @param decimalSeparator '.' or ',' (some vendor software writes decimal commas)
 * @param belowDetection   the text written instead of a value below the limit of detection
 * @param sigmaMarker      the field written before the sigma, or empty when the sigma just follows the unit
 * @param maxLinesPerBlock a block longer than this is refused (a lost end marker must not grow memory forever)
 */
public record XrfLineFormat(
        String startMarker,
        String endMarker,
        Pattern fieldSeparator,
        char decimalSeparator,
        String belowDetection,
        String sigmaMarker,
        int maxLinesPerBlock) {

    public XrfLineFormat {
        Objects.requireNonNull(startMarker, "startMarker");
        Objects.requireNonNull(endMarker, "endMarker");
        Objects.requireNonNull(fieldSeparator, "fieldSeparator");
        Objects.requireNonNull(belowDetection, "belowDetection");
        Objects.requireNonNull(sigmaMarker, "sigmaMarker");
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ','");
        }
        if (startMarker.isBlank() || endMarker.isBlank() || startMarker.equals(endMarker)) {
            throw new IllegalArgumentException("start and end markers must be distinct and not blank");
        }
        if (maxLinesPerBlock < 3) {
            throw new IllegalArgumentException("a block needs at least a start, one element and an end line");
        }
    }

    public static XrfLineFormat defaults() {
        return new XrfLineFormat("BEGIN", "END", Pattern.compile("[ \\t]+"), '.', "<LOD", "+/-", 64);
    }

    public XrfLineFormat withDecimalSeparator(char separator) {
        return new XrfLineFormat(
                startMarker, endMarker, fieldSeparator, separator, belowDetection, sigmaMarker, maxLinesPerBlock);
    }

    public XrfLineFormat withMarkers(String start, String end) {
        return new XrfLineFormat(
                start, end, fieldSeparator, decimalSeparator, belowDetection, sigmaMarker, maxLinesPerBlock);
    }
}
