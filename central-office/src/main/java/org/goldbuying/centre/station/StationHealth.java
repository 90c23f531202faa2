package org.goldbuying.centre.station;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a station is online and what needs attention, from its latest heartbeat and what the centre ingested.
 * Plain Java: a quiet station (heartbeats, no sales) is online; a cut-off one (no heartbeats) is offline.
 */
public final class StationHealth {
    private StationHealth() {}

    public record Facts(
            Instant lastHeartbeatAt,
            long intervalSeconds,
            long outboxBacklog,
            long lastStationSequence,
            long ingestedUpToSequence,
            String balanceStatus,
            LocalDate verificationExpiry) {}

    public record Verdict(boolean online, long missingPurchases, List<String> alerts) {}

    public static Verdict judge(Facts f, Instant now, Duration offlineAfter, int verificationWarningDays) {
        Duration silence = Duration.between(f.lastHeartbeatAt(), now);
        Duration limit = offlineAfter.compareTo(Duration.ofSeconds(3 * f.intervalSeconds())) > 0
                ? offlineAfter
                : Duration.ofSeconds(3 * f.intervalSeconds());
        boolean online = silence.compareTo(limit) <= 0;
        long missing = Math.max(0, f.lastStationSequence() - f.ingestedUpToSequence());
        List<String> alerts = new ArrayList<>();
        if (!online) {
            alerts.add("OFFLINE: no heartbeat for " + silence.toMinutes() + " min");
        }
        if (missing > 0) {
            alerts.add("LAG: " + missing + " paid purchase(s) not yet at the centre");
        }
        if (!"OK".equals(f.balanceStatus()) && !"UNKNOWN".equals(f.balanceStatus())) {
            alerts.add("BALANCE: " + f.balanceStatus());
        }
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        if (f.verificationExpiry().isBefore(today)) {
            alerts.add("VERIFICATION EXPIRED on " + f.verificationExpiry());
        } else if (!f.verificationExpiry().isAfter(today.plusDays(verificationWarningDays))) {
            alerts.add("VERIFICATION EXPIRES on " + f.verificationExpiry());
        }
        return new Verdict(online, missing, alerts);
    }
}
