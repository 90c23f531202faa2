package org.goldbuying.centre.feed;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads a USD per troy ounce value (and optionally its observation time) out of any JSON answer by JSON pointer.
 * Pure function, no I/O. Missing, non-numeric or non-positive values, unreadable times and times in the future are
 * refused with the reason.
 */
public final class HttpJsonQuote {
    /** A vendor's clock may run a little ahead of ours; more than this is a wrong timestamp, not skew. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(2);

    private HttpJsonQuote() {}

    public record Reading(BigDecimal usdPerTroyOunce, Instant observedAt) {}

    /** A pointer from configuration; IllegalArgumentException names the setting when it is not a JSON pointer. */
    public static JsonPointer pointer(String text, String setting) {
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    setting + " is not a JSON pointer (RFC 6901, starting with /): \"" + text + "\".", e);
        }
        if (pointer.matches()) {
            throw new IllegalArgumentException(setting + " must point inside the answer, e.g. /price/usd.");
        }
        return pointer;
    }

    public static Reading read(
            String json,
            JsonPointer usd,
            Optional<JsonPointer> timestamp,
            FeedConfig.TimestampFormat format,
            Instant receivedAt) {
        JsonNode root = FeedJson.parse(json, "The feed's answer");
        BigDecimal value = FeedJson.price(root.at(usd), "The feed's value at " + usd);
        Instant observedAt = timestamp.map(p -> time(root.at(p), p, format)).orElse(receivedAt);
        if (observedAt.isAfter(receivedAt.plus(ALLOWED_CLOCK_SKEW))) {
            throw new FeedException("The feed's time " + observedAt + " is in the future (now " + receivedAt + ").");
        }
        return new Reading(value, observedAt);
    }

    private static Instant time(JsonNode node, JsonPointer at, FeedConfig.TimestampFormat format) {
        String what = "The feed's time at " + at;
        if (node.isMissingNode() || node.isNull()) {
            throw new FeedException(what + " is missing.");
        }
        try {
            return switch (format) {
                case ISO_8601 -> {
                    if (!node.isTextual()) {
                        throw new FeedException(
                                what + " is not an ISO-8601 text: " + FeedJson.abbreviate(node.toString()) + ".");
                    }
                    yield OffsetDateTime.parse(node.textValue()).toInstant();
                }
                case EPOCH_SECONDS -> Instant.ofEpochSecond(epoch(node, what));
                case EPOCH_MILLIS -> Instant.ofEpochMilli(epoch(node, what));
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw new FeedException(
                    what + " is not a valid " + format.name().toLowerCase().replace('_', '-') + " time: "
                            + FeedJson.abbreviate(node.toString()) + ".");
        }
    }

    private static long epoch(JsonNode node, String what) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw new FeedException(
                    what + " is not a positive whole number: " + FeedJson.abbreviate(node.toString()) + ".");
        }
        return node.longValue();
    }
}
