package org.goldbuying.centre.feed;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the active gold feed says right now, before the price guard: for operators and the treasury, so that a feed
 * that is down or sends garbage is visible with its reason, not only as a suspended price.
 */
@Path("/api/feed")
public class FeedResource {
    private final ActiveGoldFeed feed;
    private final FeedConfig config;

    public FeedResource(ActiveGoldFeed feed, FeedConfig config) {
        this.feed = feed;
        this.config = config;
    }

    public record FeedStatus(
            String active,
            boolean simulated,
            String source,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            Instant observedAt,
            String problem) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The active gold feed's latest value or the reason it has none (before the price guard)")
    public FeedStatus status() {
        Optional<FeedQuote> quote = feed.latest();
        return new FeedStatus(
                config.active().name().toLowerCase().replace('_', '-'),
                config.active() == FeedConfig.Kind.SIMULATED,
                quote.map(FeedQuote::source).orElse(null),
                quote.map(FeedQuote::spotUsdPerTroyOunce).orElse(null),
                quote.map(FeedQuote::observedAt).orElse(null),
                quote.isPresent() ? null : feed.problem().orElse("The gold feed has no price."));
    }
}
