package org.goldbuying.station.pricing;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.security.Roles;

@Path("/api/price")
@RolesAllowed(Roles.CLERK)
public class PriceResource {
    private final HeldPrice ticks;
    private final Clock clock;
    private final TickRefusals refusals;

    public PriceResource(HeldPrice ticks, Clock clock, TickRefusals refusals) {
        this.ticks = ticks;
        this.clock = clock;
        this.refusals = refusals;
    }

    /** The held tick and whether it can be quoted against now, with the reason when it cannot. */
    public record PriceStatus(
            Long sequence,
            boolean quotable,
            String reason,
            String status,
            Instant publishedAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd,
            String currency,
            Integer currencyExponent,
            boolean simulated,
            long refusedTicks,
            TickRefusals.Refusal lastRefusal) {}

    @GET
    @WithSession
    @Operation(
            summary = "The official price tick held at this station, whether it may be used for a quote, and the ticks"
                    + " refused since the station started (not signed by the centre)")
    public Uni<PriceStatus> current() {
        return ticks.latest().map(held -> {
            StoredPriceTick tick = held.orElse(null);
            String reason = null;
            try {
                PriceValidity.require(held.map(StoredPriceTick::toHeldTick), clock.instant());
            } catch (StationException refused) {
                reason = refused.getMessage();
            }
            if (tick == null) {
                return new PriceStatus(
                        null,
                        false,
                        reason,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        refusals.count(),
                        refusals.last().orElse(null));
            }
            return new PriceStatus(
                    tick.sequence,
                    reason == null,
                    reason,
                    tick.status,
                    tick.publishedAt,
                    tick.spotUsdPerTroyOunce,
                    tick.fxLocalPerUsd,
                    tick.currency,
                    tick.currencyExponent,
                    tick.simulated,
                    refusals.count(),
                    refusals.last().orElse(null));
        });
    }
}
