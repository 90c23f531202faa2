package org.goldbuying.station.common;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: reads the request-scoped identity in a callback that runs after a database round trip. */
@Path("/api/test/identity-after-database")
public class IdentityAfterDatabaseResource {
    private final Pool database;
    private final SecurityIdentity identity;

    public IdentityAfterDatabaseResource(Pool database, SecurityIdentity identity) {
        this.database = database;
        this.identity = identity;
    }

    @GET
    @Authenticated
    public Uni<String> name() {
        return database.query("SELECT pg_sleep(0.05)")
                .execute()
                .map(rows -> identity.getPrincipal().getName());
    }
}
