package org.goldbuying.station.assay;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.ElementReading;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.lot.AssayJson;
import org.goldbuying.station.lot.ShotView;

/**
 * Stores a shot and reads it back unchanged: the readings go into one JSON document (symbol to percent, sigma,
 * below detection) because analysers report different elements, and the shot must be averaged again from what was
 * stored, not from memory.
 */
public final class ShotCodec {
    private ShotCodec() {}

    public static XrfShotRecord toRecord(XrfShot shot, UUID lotId, ShotOrigin origin, Instant receivedAt) {
        XrfShotRecord r = new XrfShotRecord();
        r.lotId = lotId;
        r.shotId = shot.shotId();
        r.analyserModel = shot.analyser().model();
        r.analyserSerial = shot.analyser().serialNumber();
        // PostgreSQL keeps microseconds: the record in memory says what a read-back would
        r.measuredAt = shot.measuredAt().truncatedTo(ChronoUnit.MICROS);
        r.measurementMillis = shot.measurementTime().toMillis();
        r.source = shot.source().name();
        r.receivedVia = origin.via().name();
        r.enteredBy = origin.enteredBy() != null ? origin.enteredBy() : shot.enteredBy();
        r.readingsShown = Collections.unmodifiableMap(readings(shot));
        r.readings = AssayJson.write(r.readingsShown);
        r.raw = shot.raw();
        r.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    /** The shot as stored (so exactly what a record read back from the database gives), parsed once per record. */
    public static XrfShot toShot(XrfShotRecord r) {
        if (r.parsed == null) {
            Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
            stored(r).forEach((symbol, reading) -> {
                Element element = Element.require(symbol);
                readings.put(
                        element,
                        reading.belowDetection()
                                ? ElementReading.belowDetection(element)
                                : ElementReading.of(
                                        element,
                                        new BigDecimal(reading.percent()),
                                        reading.sigma() == null ? null : new BigDecimal(reading.sigma())));
            });
            r.parsed = new XrfShot(
                    r.shotId,
                    new AnalyserId(r.analyserModel, r.analyserSerial),
                    r.measuredAt,
                    Duration.ofMillis(r.measurementMillis),
                    readings,
                    XrfShot.Source.valueOf(r.source),
                    r.enteredBy,
                    null,
                    r.raw);
        }
        return r.parsed;
    }

    public static ShotView view(XrfShotRecord r) {
        return new ShotView(
                r.shotId,
                r.analyserModel,
                r.analyserSerial,
                r.measuredAt,
                BigDecimal.valueOf(r.measurementMillis)
                        .movePointLeft(3)
                        .stripTrailingZeros()
                        .toPlainString(),
                r.source,
                r.receivedVia,
                r.enteredBy,
                stored(r),
                r.discarded,
                r.discardedReason);
    }

    private static Map<String, ShotView.Reading> readings(XrfShot shot) {
        Map<String, ShotView.Reading> out = new LinkedHashMap<>();
        shot.readings()
                .forEach((element, reading) -> out.put(
                        element.symbol(),
                        reading.belowDetection()
                                ? new ShotView.Reading(null, null, true)
                                : new ShotView.Reading(
                                        reading.percent().toPlainString(),
                                        reading.sigma() == null
                                                ? null
                                                : reading.sigma().toPlainString(),
                                        false)));
        return out;
    }

    private static Map<String, ShotView.Reading> stored(XrfShotRecord r) {
        if (r.readingsShown == null) {
            r.readingsShown = Collections.unmodifiableMap(
                    AssayJson.read(r.readings, new TypeReference<LinkedHashMap<String, ShotView.Reading>>() {}));
        }
        return r.readingsShown;
    }
}
