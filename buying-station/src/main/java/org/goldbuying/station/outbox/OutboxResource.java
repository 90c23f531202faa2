package org.goldbuying.station.outbox;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.security.Roles;
import org.goldbuying.web.OrderedRelay;

@Path("/api/outbox")
@RolesAllowed(Roles.CLERK)
public class OutboxResource {
    private final OutboxRepository events;
    private final OutboxRelay relay;

    public OutboxResource(OutboxRepository events, OutboxRelay relay) {
        this.events = events;
        this.relay = relay;
    }

    /**
     * The backlog, the event the relay sends next (when it was written, how many rounds failed to send it and why)
     * and the relay's own state.
     */
    public record OutboxStatus(
            long backlog,
            Long oldestUnsentId,
            Instant oldestUnsentAt,
            Integer oldestUnsentAttempts,
            String oldestUnsentError,
            OrderedRelay.Status relay) {}

    @GET
    @WithSession
    @Operation(summary = "The outbox backlog and the relay's state (backing off, failed rounds, last error)")
    public Uni<OutboxStatus> status() {
        return events.backlog()
                .chain(backlog -> events.oldestUnsent()
                        .map(oldest -> oldest == null
                                ? new OutboxStatus(backlog, null, null, null, null, relay.status())
                                : new OutboxStatus(
                                        backlog,
                                        oldest.id,
                                        oldest.createdAt,
                                        oldest.attempts,
                                        oldest.lastError,
                                        relay.status())));
    }
}
