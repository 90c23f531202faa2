package org.goldbuying.centre.feed;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** The generic HTTP JSON poller: a URL, a JSON pointer to USD per troy ounce, optionally one to the time. */
public final class HttpJsonFeed extends PolledFeed {
    private final URI url;
    private final JsonPointer usd;
    private final Optional<JsonPointer> timestamp;
    private final FeedConfig.HttpJson config;
    private final FeedSource source;
    private final Clock clock;

    public HttpJsonFeed(FeedConfig.HttpJson config, FeedSource source, Clock clock) {
        super(config.name(), config.pollInterval());
        this.url = config.url()
                .orElseThrow(() -> new IllegalArgumentException(
                        "centre.feed.http-json.url is required when centre.feed.active=http-json."));
        this.usd = HttpJsonQuote.pointer(
                config.usdPointer()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "centre.feed.http-json.usd-pointer is required when centre.feed.active=http-json.")),
                "centre.feed.http-json.usd-pointer");
        this.timestamp =
                config.timestampPointer().map(p -> HttpJsonQuote.pointer(p, "centre.feed.http-json.timestamp-pointer"));
        this.config = config;
        this.source = source;
        this.clock = clock;
    }

    @Override
    protected FeedQuote read() {
        String body = source.read(url);
        HttpJsonQuote.Reading reading =
                HttpJsonQuote.read(body, usd, timestamp, config.timestampFormat(), clock.instant());
        return new FeedQuote(reading.usdPerTroyOunce(), reading.observedAt(), config.name(), false);
    }
}
