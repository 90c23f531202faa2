package org.goldbuying.station.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Checks a username and password against the station's own accounts (bcrypt hashes in station_user), so the
 * counter can log in while the centre is unreachable. The hash comparison is slow by design and runs off the event
 * loop.
 */
@ApplicationScoped
public class StationIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final Pool database;

    public StationIdentityProvider(Pool database) {
        this.database = database;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return database.preparedQuery("SELECT password_hash, role FROM station_user WHERE username = $1 AND active")
                .execute(Tuple.of(username))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return Uni.createFrom().failure(new AuthenticationFailedException("unknown or inactive user"));
                    }
                    Row row = found.next();
                    String hash = row.getString("password_hash");
                    String role = row.getString("role");
                    return context.runBlocking(() -> {
                        if (!BcryptUtil.matches(password, hash)) {
                            throw new AuthenticationFailedException("wrong password");
                        }
                        return QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal(username))
                                .addRoles("SUPERVISOR".equals(role) ? Set.of(Roles.CLERK, Roles.SUPERVISOR)
                                        : Set.of(Roles.CLERK))
                                .build();
                    });
                });
    }
}
