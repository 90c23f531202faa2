package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.security.Roles;
import org.goldbuying.web.OrderedRelay;

@Path("/api/price")
public class PriceResource {
    private final PublishedTickRepository ticks;
    private final PricePublisher publisher;
    private final TickRelay relay;

    public PriceResource(PublishedTickRepository ticks, PricePublisher publisher, TickRelay relay) {
        this.ticks = ticks;
        this.publisher = publisher;
        this.relay = relay;
    }

    @GET
    @WithSession
    @Operation(summary = "The latest official price tick, exactly as it was published")
    public Uni<Response> current() {
        return ticks.latest()
                .onItem()
                .ifNull()
                .failWith(() -> new CentreException(CentreError.NO_PRICE, "No official price has been published yet."))
                .map(tick ->
                        Response.ok(tick.payload, MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("publish")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Run one publication round now (feed, guard, tick)")
    public Uni<Response> publishNow() {
        return publisher
                .publishFromFeed()
                .map(tick -> tick == null
                        ? Response.noContent().build()
                        : Response.ok(
                                        org.goldbuying.contracts.Contract.PRICE_TICK.write(tick),
                                        MediaType.APPLICATION_JSON)
                                .build());
    }

    /** Ticks stored but not yet acknowledged by Kafka, and the relay's state. */
    public record Delivery(long unsentTicks, OrderedRelay.Status relay) {}

    @GET
    @Path("delivery")
    @RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
    @WithSession
    @Operation(summary = "Ticks waiting for Kafka and the relay's state (backing off, failed rounds, last error)")
    public Uni<Delivery> delivery() {
        return ticks.unsentCount().map(unsent -> new Delivery(unsent, relay.status()));
    }
}
