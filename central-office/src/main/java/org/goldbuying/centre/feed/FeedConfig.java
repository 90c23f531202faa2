package org.goldbuying.centre.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Which gold feed the centre prices from, and how each one is reached. Only the active feed is checked and
 * polled, so the others may stay unconfigured.
 */
@ConfigMapping(prefix = "centre.feed")
public interface FeedConfig {
    /** The feed the price authority uses: simulated (the default, labelled simulated everywhere), lbma or http-json. */
    @WithDefault("simulated")
    Kind active();

    Simulated simulated();

    Lbma lbma();

    HttpJson httpJson();

    /** Limits that apply to every feed read over a URL: the feed is untrusted input. */
    Fetch fetch();

    enum Kind {
        SIMULATED,
        LBMA,
        HTTP_JSON
    }

    /** A random walk around a base price, for the local run and tests. Labelled simulated wherever it shows. */
    interface Simulated {
        @WithDefault("2650.00")
        BigDecimal baseUsdPerTroyOunce();

        /** Largest step of the walk, in percent of the current value. */
        @WithDefault("0.2")
        BigDecimal maxStepPercent();

        @WithDefault("PT10S")
        Duration stepInterval();
    }

    /**
     * An LBMA-style price file (gold_am.json / gold_pm.json): a JSON array of {"d": "YYYY-MM-DD", "v": [usd, gbp,
     * eur]}.
     * The benchmark is published once or twice a day, so the price guard's {@code centre.pricing.max-feed-age} must
     * cover a weekend when this feed is active.
     */
    interface Lbma {
        /** file:/... or http(s)://... of the licensed price file. Required when this feed is active. */
        Optional<URI> url();

        /** Name carried by each tick's source (at most 64 characters). */
        @WithDefault("lbma-gold-pm")
        String name();

        /** The auction time the file's day stands for: 15:00 London for the PM price, 10:30 for the AM. */
        @WithDefault("15:00")
        LocalTime auctionTime();

        @WithDefault("Europe/London")
        String auctionZone();

        @WithDefault("PT10M")
        Duration pollInterval();
    }

    /** Any HTTP endpoint answering JSON with a USD per troy ounce value, e.g. a market-data vendor's spot API. */
    interface HttpJson {
        /** Required when this feed is active. */
        Optional<URI> url();

        /** RFC 6901 pointer to the USD per troy ounce value (a JSON number or a decimal string), e.g. /price/usd. */
        Optional<String> usdPointer();

        /** Pointer to the time the value was observed; without it the time the answer arrived is used. */
        Optional<String> timestampPointer();

        @WithDefault("iso-8601")
        TimestampFormat timestampFormat();

        @WithDefault("http-json-spot")
        String name();

        @WithDefault("PT30S")
        Duration pollInterval();
    }

    enum TimestampFormat {
        ISO_8601,
        EPOCH_SECONDS,
        EPOCH_MILLIS
    }

    interface Fetch {
        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT15S")
        Duration requestTimeout();

        /** Larger answers are refused: the whole LBMA history since 1968 is well under 2 MB. */
        @WithDefault("8388608")
        int maxBytes();
    }
}
