package org.goldbuying.centre.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One station as operations and the treasury see it. */
public record StationView(
        String stationId,
        String region,
        boolean online,
        Instant lastHeartbeatAt,
        long heartbeatIntervalSeconds,
        long outboxBacklog,
        Instant oldestUnsentAt,
        long lastStationSequence,
        long purchasesIngested,
        long missingPurchases,
        Instant lastPaidAt,
        Long priceTickSequence,
        String balanceDeviceId,
        String balanceStatus,
        String balanceFault,
        LocalDate balanceVerificationExpiry,
        long openIntegrityIncidents,
        List<String> alerts) {}
