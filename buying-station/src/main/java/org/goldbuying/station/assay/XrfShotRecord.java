package org.goldbuying.station.assay;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One XRF shot as stored for the audit trail (table xrf_shot); see {@link ShotCodec} for the readings' JSON. */
@Entity
@Table(name = "xrf_shot")
public class XrfShotRecord {
    /** How the shot reached the station: the analyser's serial line, or the API (text, JSON or CSV). */
    public enum Via { SERIAL_PORT, API }

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
}
