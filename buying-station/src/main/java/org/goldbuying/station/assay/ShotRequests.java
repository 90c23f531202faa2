package org.goldbuying.station.assay;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.ElementReading;
import org.goldbuying.scale.xrf.ManualEntry;
import org.goldbuying.scale.xrf.XrfCsvImporter;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.scale.xrf.XrfLineReader;
import org.goldbuying.scale.xrf.XrfShot;

/**
 * The shot bodies the API takes, turned into scale-driver shots by scale-driver's own parsers, so a shot read from
 * a file or typed in is checked exactly like one from the serial line. Every refusal is a typed
 * {@link XrfException} with the clerk's sentence and what was wrong.
 */
public final class ShotRequests {
    private ShotRequests() {}

    /** Where a JSON shot came from: a row of an analyser's export, or values typed from its screen (flagged). */
    public enum JsonSource {
        CSV_IMPORT,
        MANUAL_ENTRY
    }

    /**
     * A shot as JSON.
     *
     * @param values element symbol to percent as text ({@code "91.7"}) or {@code "<LOD"}
     * @param sigmas element symbol to one-sigma percent, optional (an export row has them; a person rarely does)
     */
    public record JsonShot(
            @NotNull JsonSource source,
            @Size(max = 80) String shotId,
            @NotBlank @Size(max = 80) String model,
            @NotBlank @Size(max = 80) String serial,
            Instant measuredAt,
            @NotNull @DecimalMin("0") @DecimalMax("3600") BigDecimal seconds,
            @NotEmpty @Size(max = 40) Map<String, String> values,
            Map<String, String> sigmas) {

        public XrfShot toShot(String who, Instant now) {
            AnalyserId analyser = new AnalyserId(model.strip(), serial.strip());
            Instant at = measuredAt == null ? now : measuredAt;
            Duration time = Duration.ofMillis(seconds.movePointRight(3).longValue());
            if (source == JsonSource.MANUAL_ENTRY) {
                XrfShot typed = ManualEntry.enter(who, analyser, at, time, values);
                // two entries typed within the same millisecond must not collide on the shot's id
                String id = shotId == null || shotId.isBlank()
                        ? typed.shotId() + "-" + UUID.randomUUID().toString().substring(0, 8)
                        : shotId.strip();
                return new XrfShot(id, analyser, at, time, typed.readings(), typed.source(), who, null, typed.raw());
            }
            if (shotId == null || shotId.isBlank()) {
                throw new XrfException(XrfFault.MALFORMED_RECORD, "an imported shot needs its reading number (shotId)");
            }
            Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
            for (Map.Entry<String, String> v : new TreeMap<>(values).entrySet()) {
                Element element = Element.require(v.getKey().strip());
                String text = v.getValue() == null ? "" : v.getValue().strip();
                if (text.equals("<LOD")) {
                    readings.put(element, ElementReading.belowDetection(element));
                    continue;
                }
                String sigma = sigmas == null ? null : sigmas.get(v.getKey());
                readings.put(
                        element,
                        ElementReading.of(
                                element,
                                percent(element, text),
                                sigma == null ? null : percent(element, sigma.strip())));
            }
            return new XrfShot(
                    shotId.strip(),
                    analyser,
                    at,
                    time,
                    readings,
                    XrfShot.Source.CSV_IMPORT,
                    null,
                    null,
                    "imported: " + new TreeMap<>(values) + (sigmas == null ? "" : " sigmas " + new TreeMap<>(sigmas)));
        }

        private static BigDecimal percent(Element element, String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new XrfException(
                        XrfFault.MALFORMED_RECORD, element.symbol() + ": '" + text + "' is not a number");
            }
        }
    }

    /** Result blocks in the station's line format (docs/devices/xrf-line-format.md), as the analyser sends them. */
    public static List<XrfShot> fromLineFormat(String text) {
        XrfLineReader reader = new XrfLineReader();
        List<XrfShot> shots = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            reader.accept(line).ifPresent(shots::add);
        }
        if (reader.inBlock()) {
            throw new XrfException(XrfFault.INCOMPLETE_RECORD, "the last block has no END line");
        }
        if (shots.isEmpty()) {
            throw new XrfException(XrfFault.MALFORMED_RECORD, "no complete result block (BEGIN ... END) in the text");
        }
        return shots;
    }

    /** An analyser's CSV export in the agreed layout (scale-driver's GeoChem-style layout). */
    public static List<XrfShot> fromCsv(String csv, ZoneId zone) {
        return new XrfCsvImporter(XrfCsvImporter.Layout.geoChemStyle(zone)).importCsv(csv);
    }
}
