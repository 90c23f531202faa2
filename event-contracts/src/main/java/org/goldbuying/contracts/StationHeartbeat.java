package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/** Java binding of docs/contracts/station-heartbeat.v1.schema.json: read the schema for the meaning of each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationHeartbeat(
        String contract,
        String stationId,
        String region,
        Instant sentAt,
        long intervalSeconds,
        long outboxBacklog,
        Instant oldestUnsentAt,
        long lastStationSequence,
        Instant lastPaidAt,
        Long priceTickSequence,
        Balance balance) {

    public static final String CONTRACT = "station-heartbeat/1";

    public enum BalanceStatus {
        OK,
        FAULT,
        NOT_CONFIGURED,
        UNKNOWN
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Balance(String deviceId, BalanceStatus status, String fault, LocalDate verificationExpiry) {}
}
