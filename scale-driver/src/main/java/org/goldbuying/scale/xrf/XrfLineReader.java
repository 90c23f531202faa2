package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an analyser's result stream one line at a time and returns a shot when a block is complete. Pure: it
 * holds the block being read, but does no I/O. Not thread-safe; feed it from one reader thread.
 *
 * <h2>Default record format ({@link XrfLineFormat#defaults()})</h2>
 * <pre>
 * BEGIN shot=&lt;id&gt; model=&lt;model&gt; serial=&lt;serial&gt; time=&lt;ISO-8601 instant&gt;
 * seconds=&lt;measurement time&gt;
 * &lt;symbol&gt; &lt;value&gt; &lt;unit&gt; [+/- &lt;sigma&gt;]
 * &lt;symbol&gt; &lt;LOD
 * ...
 * END shot=&lt;id&gt;
 * </pre>
 * Example:
 * <pre>
 * BEGIN shot=A-0042 model=XR-100 serial=XRF123 time=2026-11-22T09:15:00Z seconds=30
 * Au 91.72 % +/- 0.11
 * Ag 4.05 % +/- 0.06
 * Cu 4.18 % +/- 0.05
 * Zn 350 ppm +/- 40
 * Pb &lt;LOD
 * END shot=A-0042
 * </pre>
 * Rules: fields are separated by spaces or tabs; lines end with LF or CR LF; element symbols are case-sensitive;
 * units are {@code %} or {@code ppm}, and the sigma is in the same unit as its value; every element appears at
 * most once; a header field may appear in any order but each exactly once; blank lines are ignored. Lines
 * outside a block are ignored (vendor software mirrors its screen and prints other text). A line inside a block
 * that does not fit (including an unknown element symbol), a new
 * start marker before the end marker, or a block longer than the limit rejects the whole block with a typed
 * {@link XrfException}; reading then resumes at the next start marker. Nothing from a rejected block is kept.
 */
public final class XrfLineReader {
    private static final List<String> HEADER_KEYS = List.of("shot", "model", "serial", "time", "seconds");

    private final XrfLineFormat format;
    private Map<String, String> header;
    private Map<Element, ElementReading> readings;
    private StringBuilder raw;
    private int lines;

    public XrfLineReader(XrfLineFormat format) {
        this.format = format;
    }

    public XrfLineReader() {
        this(XrfLineFormat.defaults());
    }

    /** Whether a block has been opened and not yet closed. */
    public boolean inBlock() {
        return header != null;
    }

    /** Feeds one line (terminator removed); returns the shot when this line completes a block. */
    public Optional<XrfShot> accept(String line) {
        String text = line.strip();
        String[] fields =
                text.isEmpty() ? new String[0] : format.fieldSeparator().split(text);
        if (fields.length > 0 && fields[0].equals(format.startMarker())) {
            boolean interrupted = inBlock();
            String shotBefore = interrupted ? header.getOrDefault("shot", "?") : null;
            begin(fields, line);
            if (interrupted) {
                throw new XrfException(XrfFault.INCOMPLETE_RECORD, "shot " + shotBefore + " had no end marker");
            }
            return Optional.empty();
        }
        if (!inBlock()) {
            return Optional.empty();
        }
        try {
            raw.append(line).append('\n');
            if (++lines > format.maxLinesPerBlock()) {
                throw new XrfException(
                        XrfFault.INCOMPLETE_RECORD,
                        "block longer than " + format.maxLinesPerBlock() + " lines without an end marker");
            }
            if (fields.length == 0) {
                return Optional.empty(); // blank lines carry nothing; they still count towards the limit
            }
            if (fields[0].equals(format.endMarker())) {
                return Optional.of(end(fields));
            }
            element(fields, line);
            return Optional.empty();
        } catch (XrfException e) {
            reset();
            throw e;
        }
    }

    private void begin(String[] fields, String line) {
        reset();
        // A broken header opens no block: the lines up to the next start marker are then ignored.
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < fields.length; i++) {
            int eq = fields[i].indexOf('=');
            if (eq <= 0) {
                throw malformed("header field '" + fields[i] + "' is not key=value");
            }
            String key = fields[i].substring(0, eq);
            if (!HEADER_KEYS.contains(key) || values.put(key, fields[i].substring(eq + 1)) != null) {
                throw malformed("unknown or repeated header field '" + key + "'");
            }
        }
        for (String key : HEADER_KEYS) {
            if (values.getOrDefault(key, "").isEmpty()) {
                throw malformed("header lacks " + key + "=");
            }
        }
        header = values;
        readings = new EnumMap<>(Element.class);
        raw = new StringBuilder(line).append('\n');
        lines = 1;
    }

    private void element(String[] fields, String line) {
        Element element = Element.require(fields[0]);
        if (readings.containsKey(element)) {
            throw malformed(element.symbol() + " appears twice");
        }
        String context = "'" + line.strip() + "'";
        if (fields.length == 2 && fields[1].equals(format.belowDetection())) {
            readings.put(element, ElementReading.belowDetection(element));
            return;
        }
        if (fields.length < 3) {
            throw malformed("element line needs a value and a unit: " + context);
        }
        BigDecimal value = XrfNumbers.decimal(fields[1], format.decimalSeparator(), context);
        String unit = fields[2];
        BigDecimal sigma = null;
        int sigmaAt = 3;
        if (!format.sigmaMarker().isEmpty() && fields.length > 3) {
            if (!fields[3].equals(format.sigmaMarker())) {
                throw malformed("expected '" + format.sigmaMarker() + "' before the sigma: " + context);
            }
            sigmaAt = 4;
        }
        if (fields.length == sigmaAt + 1) {
            sigma = XrfNumbers.toPercent(
                    XrfNumbers.decimal(fields[sigmaAt], format.decimalSeparator(), context), unit, context);
        } else if (fields.length != 3) {
            throw malformed("unexpected fields: " + context);
        }
        readings.put(element, ElementReading.of(element, XrfNumbers.toPercent(value, unit, context), sigma));
    }

    private XrfShot end(String[] fields) {
        String shotId = header.get("shot");
        if (fields.length != 2 || !fields[1].equals("shot=" + shotId)) {
            throw malformed("end marker does not close shot " + shotId);
        }
        Instant time;
        try {
            time = Instant.parse(header.get("time"));
        } catch (DateTimeParseException e) {
            throw malformed("time '" + header.get("time") + "' is not an ISO-8601 instant");
        }
        BigDecimal seconds = XrfNumbers.decimal(header.get("seconds"), '.', "seconds=");
        Duration measurementTime = Duration.ofMillis(
                seconds.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        XrfShot shot = new XrfShot(
                shotId,
                new AnalyserId(header.get("model"), header.get("serial")),
                time,
                measurementTime,
                readings,
                XrfShot.Source.SERIAL_LINE,
                null,
                null,
                raw.toString());
        reset();
        return shot;
    }

    private void reset() {
        header = null;
        readings = null;
        raw = null;
        lines = 0;
    }

    private static XrfException malformed(String why) {
        return new XrfException(XrfFault.MALFORMED_RECORD, why);
    }
}
