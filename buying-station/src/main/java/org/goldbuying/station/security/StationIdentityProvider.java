package org.goldbuying.station.security;

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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Checks a username and password against the station's own accounts (bcrypt hashes in station_user), so the
 * counter can log in while the centre is unreachable. The hash comparison is slow by design and runs off the event
 * loop; a successful login is remembered for a minute (LoginCache) so the page's frequent requests stay cheap.
 */
@ApplicationScoped
public class StationIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final Pool database;
    private final LoginCache recentLogins = new LoginCache(java.time.Duration.ofSeconds(60));

    public StationIdentityProvider(Pool database) {
        this.database = database;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        Set<String> remembered = recentLogins.roles(username, password);
        if (remembered != null) {
            return Uni.createFrom().item(identity(username, remembered));
        }
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
                        Set<String> roles =
                                "SUPERVISOR".equals(role) ? Set.of(Roles.CLERK, Roles.SUPERVISOR) : Set.of(Roles.CLERK);
                        recentLogins.remember(username, password, roles);
                        return identity(username, roles);
                    });
                });
    }

    private static SecurityIdentity identity(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .build();
    }
}
