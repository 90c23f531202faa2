package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One XRF measurement as it came from the analyser, a CSV export or a person: every element's percentage and
 * sigma, when and for how long it was measured, and by which analyser. Kept unchanged for the audit trail.
 *
 * @param enteredBy  who typed it in, for manual entries; null otherwise
 * @param approvedBy the supervisor who approved a manual entry; null until approved
 * @param raw        the record as received (the lines, the CSV row, or a description of the manual entry)
 */
public record XrfShot(
        String shotId,
        AnalyserId analyser,
        Instant measuredAt,
        Duration measurementTime,
        Map<Element, ElementReading> readings,
        Source source,
        String enteredBy,
        String approvedBy,
        String raw) {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Where the shot came from; a manual entry is never trusted without a supervisor. */
    public enum Source {
        SERIAL_LINE,
        CSV_IMPORT,
        MANUAL_ENTRY
    }

    public XrfShot {
        Objects.requireNonNull(shotId, "shotId");
        Objects.requireNonNull(analyser, "analyser");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(measurementTime, "measurementTime");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(raw, "raw");
        if (readings.isEmpty()) {
            throw new XrfException(XrfFault.MALFORMED_RECORD, "shot " + shotId + " has no element values");
        }
        readings = Collections.unmodifiableMap(new EnumMap<>(readings));
        if (source == Source.MANUAL_ENTRY && enteredBy == null) {
            throw new IllegalArgumentException("a manual entry needs the name of who entered it");
        }
    }

    public boolean manual() {
        return source == Source.MANUAL_ENTRY;
    }

    /** A manual entry counts only once a supervisor approved it. */
    public boolean needsApproval() {
        return manual() && approvedBy == null;
    }

    /** The element's percentage, zero when absent or below detection. */
    public BigDecimal percent(Element element) {
        ElementReading r = readings.get(element);
        return r == null ? BigDecimal.ZERO : r.percent();
    }

    public Optional<ElementReading> reading(Element element) {
        return Optional.ofNullable(readings.get(element));
    }

    /** Sum of all reported percentages; an analyser that does not normalise gives something near 100. */
    public BigDecimal total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ElementReading r : readings.values()) {
            sum = sum.add(r.percent());
        }
        return sum;
    }
}
