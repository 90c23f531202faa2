package org.goldbuying.station.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;

/** Publishes official price ticks as the centre would, and waits until the station holds them. */
public final class PriceTicks {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private static final String ACTIVE = """
            {"contract":"price-tick/1","sequence":%d,"status":"ACTIVE","publishedAt":"%s","validFrom":"%s",
             "validUntil":"%s","source":{"name":"test-feed","simulated":true},"spotUsdPerTroyOunce":"%s",
             "currency":"UGX","currencyExponent":0,"fxLocalPerUsd":"3700.00",
             "policy":{"discountPercent":"5","royaltyPercent":"4","feesPercent":"0","advancePercent":"99",
                       "maxTickAgeSeconds":%d,"quoteLockSeconds":120}}
            """;

    private PriceTicks() {}

    public static long publishActive(String spot, Instant publishedAt, long maxAgeSeconds) {
        long sequence = SEQUENCE.incrementAndGet();
        String json = ACTIVE.formatted(
                sequence, publishedAt, publishedAt, publishedAt.plus(Duration.ofDays(2)), spot, maxAgeSeconds);
        publishAndWait(sequence, json);
        return sequence;
    }

    public static long publishActive(String spot) {
        return publishActive(spot, Instant.now(), 86_400);
    }

    public static long publishSuspended(String reason) {
        long sequence = SEQUENCE.incrementAndGet();
        Instant now = Instant.now();
        String json = """
                {"contract":"price-tick/1","sequence":%d,"status":"SUSPENDED","suspendedReason":"%s",
                 "publishedAt":"%s","validFrom":"%s","validUntil":"%s","source":{"name":"test-feed","simulated":true}}
                """.formatted(sequence, reason, now, now, now.plus(Duration.ofDays(1)));
        publishAndWait(sequence, json);
        return sequence;
    }

    /** Sends a tick as the centre does: signed with the centre's key over the exact bytes sent. */
    public static void publishRaw(String json) {
        publishWithSignature(json, TickSignature.sign(CentreKeyResource.pair().getPrivate(), json));
    }

    /** Sends a tick with whatever signature header is given (none for null): a forger's view of the topic. */
    public static void publishWithSignature(String json, String signature) {
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(
                        Topics.PRICE_TICKS,
                        "UGX",
                        json,
                        signature == null ? Map.of() : Map.of(TickSignature.HEADER, signature));
    }

    /** An ACTIVE tick's JSON with the next sequence number (not sent). */
    public static String activeJson(String spot) {
        long sequence = SEQUENCE.incrementAndGet();
        Instant now = Instant.now();
        return ACTIVE.formatted(sequence, now, now, now.plus(Duration.ofDays(2)), spot, 86_400);
    }

    private static void publishAndWait(long sequence, String json) {
        publishRaw(json);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Object held = RestAssured.get("/api/price").path("sequence");
            return held != null && ((Number) held).longValue() == sequence;
        });
    }
}
