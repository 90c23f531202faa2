package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A result typed in from the analyser's screen when neither the line nor an export is available. It is marked
 * as manual for good: averaging keeps the mark and the result needs a supervisor's approval, by someone other
 * than the clerk who typed it.
 */
public final class ManualEntry {
    private ManualEntry() {}

    /**
     * @param values element symbol to the text typed (a percentage such as {@code 91.6}, or {@code <LOD})
     */
    public static XrfShot enter(
            String enteredBy, AnalyserId analyser, Instant at, Duration measurementTime, Map<String, String> values) {
        Objects.requireNonNull(enteredBy, "enteredBy");
        if (enteredBy.isBlank()) {
            throw new XrfException(XrfFault.INVALID_ENTRY, "the clerk's name is missing");
        }
        Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
        for (Map.Entry<String, String> v : new TreeMap<>(values).entrySet()) {
            Element element = Element.fromSymbol(v.getKey().strip())
                    .orElseThrow(() ->
                            new XrfException(XrfFault.INVALID_ENTRY, "'" + v.getKey() + "' is not an element symbol"));
            String typed = v.getValue().strip();
            if (typed.equals("<LOD")) {
                readings.put(element, ElementReading.belowDetection(element));
                continue;
            }
            BigDecimal percent;
            try {
                percent = XrfNumbers.decimal(typed.replace(',', '.'), '.', element.symbol());
                readings.put(element, ElementReading.of(element, percent, null));
            } catch (XrfException e) {
                throw new XrfException(
                        XrfFault.INVALID_ENTRY,
                        element.symbol() + ": '" + typed + "' is not a percentage between 0 and 100");
            }
        }
        if (readings.isEmpty()) {
            throw new XrfException(XrfFault.INVALID_ENTRY, "no values entered");
        }
        return new XrfShot(
                "manual-" + at.toEpochMilli(),
                analyser,
                at,
                measurementTime,
                readings,
                XrfShot.Source.MANUAL_ENTRY,
                enteredBy,
                null,
                "entered by " + enteredBy + ": " + new TreeMap<>(values));
    }

    /** Four eyes: a supervisor other than the clerk who typed the values approves them. */
    public static XrfShot approve(XrfShot shot, String supervisor) {
        if (!shot.manual()) {
            throw new IllegalArgumentException("only manual entries need approval");
        }
        if (supervisor == null || supervisor.isBlank() || supervisor.equals(shot.enteredBy())) {
            throw new XrfException(
                    XrfFault.INVALID_ENTRY,
                    "a manual entry must be approved by a supervisor other than the clerk who entered it");
        }
        return new XrfShot(
                shot.shotId(),
                shot.analyser(),
                shot.measuredAt(),
                shot.measurementTime(),
                shot.readings(),
                shot.source(),
                shot.enteredBy(),
                supervisor,
                shot.raw());
    }
}
