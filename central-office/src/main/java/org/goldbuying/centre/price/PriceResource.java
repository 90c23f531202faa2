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
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.web.ErrorBody;
import org.goldbuying.web.OrderedRelay;

@Path("/api/price")
public class PriceResource {
    private final PublishedTickRepository ticks;
    private final PricePublisher publisher;
    private final TickRelay relay;
    private final TickSigner signer;

    public PriceResource(PublishedTickRepository ticks, PricePublisher publisher, TickRelay relay, TickSigner signer) {
        this.ticks = ticks;
        this.publisher = publisher;
        this.relay = relay;
        this.signer = signer;
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

    /** The key every tick is signed with, as a station configures it (STATION_CENTRE_PUBLIC_KEY). */
    public record SigningKey(String algorithm, String publicKey, String header) {}

    @GET
    @Path("signing-key")
    @Operation(
            summary = "The centre's public key that signs every tick (Ed25519, base64 X.509), for stations and anyone")
    public Response signingKey() {
        return signer.publicKeyText()
                .map(key -> Response.ok(new SigningKey("Ed25519", key, TickSignature.HEADER))
                        .build())
                .orElseGet(() -> ErrorBody.response(
                        404, "NO_SIGNING_KEY", "The centre's public signing key is not configured here."));
    }
}
