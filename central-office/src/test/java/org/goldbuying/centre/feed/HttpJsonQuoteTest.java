package org.goldbuying.centre.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.Instant;
import java.util.Optional;
import org.goldbuying.centre.feed.FeedConfig.TimestampFormat;
import org.junit.jupiter.api.Test;

class HttpJsonQuoteTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final JsonPointer USD = HttpJsonQuote.pointer("/data/0/usd", "usd");
    static final Optional<JsonPointer> AT = Optional.of(HttpJsonQuote.pointer("/data/0/at", "at"));

    static HttpJsonQuote.Reading read(String json, Optional<JsonPointer> at, TimestampFormat format) {
        return HttpJsonQuote.read(json, USD, at, format, NOW);
    }

    @Test
    void theValueAndTimeAreTakenWhereThePointersSay() {
        HttpJsonQuote.Reading reading =
                read("{\"data\":[{\"usd\":2651.25,\"at\":\"2026-11-22T08:59:30Z\"}]}", AT, TimestampFormat.ISO_8601);
        assertThat(reading.usdPerTroyOunce().toPlainString()).isEqualTo("2651.25");
        assertThat(reading.observedAt()).isEqualTo(Instant.parse("2026-11-22T08:59:30Z"));
    }

    @Test
    void epochTimesAndNoTimeAtAll() {
        assertThat(read("{\"data\":[{\"usd\":\"2651.25\",\"at\":1795337940}]}", AT, TimestampFormat.EPOCH_SECONDS)
                        .observedAt())
                .isEqualTo(Instant.ofEpochSecond(1795337940L));
        assertThat(read("{\"data\":[{\"usd\":2651,\"at\":1795337940000}]}", AT, TimestampFormat.EPOCH_MILLIS)
                        .observedAt())
                .isEqualTo(Instant.ofEpochMilli(1795337940000L));
        // without a time pointer the value is as old as the answer
        assertThat(read("{\"data\":[{\"usd\":2651}]}", Optional.empty(), TimestampFormat.ISO_8601)
                        .observedAt())
                .isEqualTo(NOW);
    }

    @Test
    void badAnswersAreRefusedWithAReason() {
        assertThatThrownBy(() -> read("{\"data\":[]}", AT, TimestampFormat.ISO_8601))
                .hasMessageContaining("value at /data/0/usd has no value");
        assertThatThrownBy(() -> read("{\"data\":[{\"usd\":-1}]}", Optional.empty(), TimestampFormat.ISO_8601))
                .hasMessageContaining("is not positive: -1");
        assertThatThrownBy(() -> read("{\"data\":[{\"usd\":2650,\"at\":\"yesterday\"}]}", AT, TimestampFormat.ISO_8601))
                .hasMessageContaining("is not a valid iso-8601 time");
        assertThatThrownBy(() -> read(
                        "{\"data\":[{\"usd\":2650,\"at\":\"2026-11-22T10:00:00Z\"}]}", AT, TimestampFormat.ISO_8601))
                .hasMessageContaining("is in the future");
        assertThatThrownBy(() -> read("{\"data\":[{\"usd\":2650,\"at\":1.5}]}", AT, TimestampFormat.EPOCH_SECONDS))
                .hasMessageContaining("not a positive whole number");
        assertThatThrownBy(() -> read("{\"data\":[{\"usd\":2650}]}", AT, TimestampFormat.ISO_8601))
                .hasMessageContaining("time at /data/0/at is missing");
        assertThatThrownBy(() -> read("<html>", AT, TimestampFormat.ISO_8601))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aPointerThatIsNotOneNamesTheSetting() {
        assertThatThrownBy(() -> HttpJsonQuote.pointer("price.usd", "centre.feed.http-json.usd-pointer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("centre.feed.http-json.usd-pointer is not a JSON pointer");
        assertThatThrownBy(() -> HttpJsonQuote.pointer("", "centre.feed.http-json.usd-pointer"))
                .hasMessageContaining("must point inside the answer");
    }
}
