package org.goldbuying.centre.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The LBMA-style price file adapter. The quote's time is the auction the day stands for (15:00 London for the PM
 * price), not the time of reading, so an old file stays visibly old to the price guard.
 */
public final class LbmaFeed extends PolledFeed {
    private final URI url;
    private final FeedConfig.Lbma config;
    private final ZoneId auctionZone;
    private final FeedSource source;
    private final Clock clock;

    public LbmaFeed(FeedConfig.Lbma config, FeedSource source, Clock clock) {
        super(config.name(), config.pollInterval());
        this.url = config.url()
                .orElseThrow(() ->
                        new IllegalArgumentException("centre.feed.lbma.url is required when centre.feed.active=lbma."));
        this.config = config;
        this.auctionZone = ZoneId.of(config.auctionZone());
        this.source = source;
        this.clock = clock;
    }

    @Override
    protected FeedQuote read() {
        LocalDate today = LocalDate.now(clock.withZone(auctionZone));
        LbmaPriceFile.DayPrice price = LbmaPriceFile.latest(source.read(url), today);
        Instant auction =
                price.day().atTime(config.auctionTime()).atZone(auctionZone).toInstant();
        return new FeedQuote(price.usdPerTroyOunce(), auction, config.name(), false);
    }
}
