package org.goldbuying.station.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account behind a page's session (org.goldbuying.web.session), read again on every request: a deactivated
 * account's session stops at once, and a role changed in the database applies at the next request. A lock after
 * wrong passwords stops new logins, not a session whose password was already checked, so guessing someone's
 * password cannot throw them off the counter.
 */
@ApplicationScoped
public class StationSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final Pool database;

    public StationSessionIdentityProvider(Pool database) {
        this.database = database;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return database.preparedQuery("SELECT role FROM station_user WHERE username = $1 AND active")
                .execute(Tuple.of(username))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        throw new AuthenticationFailedException("account " + username + " is not active");
                    }
                    String role = found.next().getString("role");
                    return StationIdentityProvider.identity(username, StationIdentityProvider.roles(role));
                });
    }
}
