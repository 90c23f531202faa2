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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.goldbuying.web.session.AccountLock;
import org.jboss.logging.Logger;

/**
 * Checks a username and password against the station's own accounts (bcrypt hashes in station_user), so the
 * counter can log in while the centre is unreachable. The account's row is read on every request, so deactivating
 * or locking an account takes effect at once; the slow hash comparison runs off the event loop, and a successful one
 * is remembered for a minute (LoginCache) so the page's frequent requests stay cheap. Consecutive failed logins lock
 * the account for a while (station.accounts.max-failed-logins, lock-for); each attempt is counted, and the lock
 * checked, in one statement before the slow hash check, so guesses sent all at once get no more tries than guesses
 * sent one by one.
 */
@ApplicationScoped
public class StationIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(StationIdentityProvider.class);

    private final Pool database;
    private final int maxFailedLogins;
    private final Duration lockFor;
    private final Clock clock;
    private final LoginCache recentLogins = new LoginCache(Duration.ofSeconds(60));

    public StationIdentityProvider(Pool database, AccountsConfig accounts, Clock clock) {
        this.database = database;
        this.maxFailedLogins = accounts.maxFailedLogins();
        this.lockFor = accounts.lockFor();
        this.clock = clock;
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
        return database.preparedQuery("SELECT password_hash, role, failed_logins, locked_until FROM station_user"
                        + " WHERE username = $1 AND active")
                .execute(Tuple.of(username))
                .chain(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return Uni.createFrom().failure(new AuthenticationFailedException("unknown or inactive user"));
                    }
                    Row row = found.next();
                    OffsetDateTime lockedUntil = row.getOffsetDateTime("locked_until");
                    if (lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant())) {
                        return Uni.createFrom().failure(AccountLock.refusal(lockedUntil.toInstant()));
                    }
                    String hash = row.getString("password_hash");
                    Set<String> roles = roles(row.getString("role"));
                    boolean hadFailures = row.getInteger("failed_logins") > 0;
                    SecurityIdentity identity = identity(username, roles);
                    if (recentLogins.roles(username, password, hash) != null) {
                        return succeeded(username, hadFailures, identity);
                    }
                    // the attempt is counted before the slow hash check, in one statement that also checks the lock:
                    // guesses sent all at once get no more tries than guesses sent one by one
                    OffsetDateTime lockEnd =
                            OffsetDateTime.ofInstant(clock.instant().plus(lockFor), ZoneOffset.UTC);
                    return countAttempt(username, lockEnd).chain(allowed -> {
                        if (allowed.isPresent()) {
                            return Uni.createFrom().<SecurityIdentity>failure(AccountLock.refusal(allowed.get()));
                        }
                        // null when the password does not match (the hash check runs off the event loop)
                        return context.runBlocking(() -> BcryptUtil.matches(password, hash) ? identity : null)
                                .chain(matched -> {
                                    if (matched == null) {
                                        return Uni.createFrom()
                                                .<SecurityIdentity>failure(
                                                        new AuthenticationFailedException("wrong password"));
                                    }
                                    recentLogins.remember(username, password, hash, roles);
                                    return provedRight(username, lockEnd, matched);
                                });
                    });
                });
    }

    static Set<String> roles(String role) {
        return "SUPERVISOR".equals(role) ? Set.of(Roles.CLERK, Roles.SUPERVISOR) : Set.of(Roles.CLERK);
    }

    static SecurityIdentity identity(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(roles)
                .build();
    }

    /** A success ends a run of failures: only consecutive ones lock the account. */
    private Uni<SecurityIdentity> succeeded(String username, boolean hadFailures, SecurityIdentity identity) {
        if (!hadFailures) {
            return Uni.createFrom().item(identity);
        }
        return database.preparedQuery("UPDATE station_user SET failed_logins = 0 WHERE username = $1")
                .execute(Tuple.of(username))
                .replaceWith(identity);
    }

    /**
     * The password was right: the run of failures ends, and a lock this very attempt set (being the one that reached
     * the limit) is lifted; a lock set by other attempts stays.
     */
    private Uni<SecurityIdentity> provedRight(String username, OffsetDateTime lockEnd, SecurityIdentity identity) {
        return database.preparedQuery("UPDATE station_user SET failed_logins = 0,"
                        + " locked_until = CASE WHEN locked_until = $2 THEN NULL ELSE locked_until END"
                        + " WHERE username = $1")
                .execute(Tuple.of(username, lockEnd))
                .replaceWith(identity);
    }

    /**
     * Counts a password attempt as a failure until it proves right, unless the account is locked: empty when the
     * attempt may go on, the lock's end when it may not. The attempt that reaches the limit locks the account (and
     * may still succeed, being within the limit); a success then clears the count.
     */
    private Uni<Optional<Instant>> countAttempt(String username, OffsetDateTime until) {
        Instant now = clock.instant();
        return database.preparedQuery("""
                        UPDATE station_user SET
                            locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
                        WHERE username = $1 AND (locked_until IS NULL OR locked_until <= $4)
                        RETURNING locked_until""")
                .execute(Tuple.of(username, maxFailedLogins, until, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> {
                    RowIterator<Row> counted = rows.iterator();
                    if (!counted.hasNext()) {
                        // locked meanwhile by attempts running alongside this one
                        return Optional.of(until.toInstant());
                    }
                    OffsetDateTime locked = counted.next().getOffsetDateTime("locked_until");
                    if (locked != null && locked.isEqual(until)) {
                        LOG.warnf(
                                "Account %s locked until %s after %d failed logins", username, until, maxFailedLogins);
                    }
                    return Optional.<Instant>empty();
                });
    }
}
