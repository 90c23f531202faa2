package org.goldbuying.station.assay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.lot.ShotView;

/** One XRF shot as stored for the audit trail (table xrf_shot); see {@link ShotCodec} for the readings' JSON. */
@Entity
@Table(name = "xrf_shot")
public class XrfShotRecord {
    /** How the shot reached the station: the analyser's serial line, or the API (text, JSON or CSV). */
    public enum Via {
        SERIAL_PORT,
        API
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "shot_id")
    public String shotId;

    @Column(name = "analyser_model")
    public String analyserModel;

    @Column(name = "analyser_serial")
    public String analyserSerial;

    @Column(name = "measured_at")
    public Instant measuredAt;

    @Column(name = "measurement_millis")
    public long measurementMillis;

    public String source;

    @Column(name = "received_via")
    public String receivedVia;

    @Column(name = "entered_by")
    public String enteredBy;

    public String readings;
    public String raw;

    @Column(name = "received_at")
    public Instant receivedAt;

    public boolean discarded;

    @Column(name = "discarded_reason")
    public String discardedReason;

    /**
     * The stored readings as shown, and the shot they make, worked out once per record by {@link ShotCodec}: the shot
     * that completes an assay averages and shows the earlier ones, kept in memory since they were stored, without
     * parsing their JSON again. Never written: {@link #readings} is the record.
     */
    @Transient
    XrfShot parsed;

    @Transient
    Map<String, ShotView.Reading> readingsShown;
}
