package org.goldbuying.station.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.goldbuying.web.session.PageSessions;
import org.jboss.logging.Logger;

/** Creates counter accounts (passwords stored only as bcrypt hashes) and seeds the demo accounts when asked. */
@ApplicationScoped
public class StationUsers {
    private static final Logger LOG = Logger.getLogger(StationUsers.class);
    private static final List<String[]> DEMO = List.of(
            new String[] {"clerk", "Demo Clerk", "CLERK"},
            new String[] {"clerk2", "Second Demo Clerk", "CLERK"},
            new String[] {"supervisor", "Demo Supervisor", "SUPERVISOR"},
            new String[] {"supervisor2", "Second Demo Supervisor", "SUPERVISOR"});

    private final Pool database;
    private final AccountsConfig config;
    private final PageSessions sessions;

    public StationUsers(Pool database, AccountsConfig config, PageSessions sessions) {
        this.database = database;
        this.config = config;
        this.sessions = sessions;
    }

    void seed(@Observes StartupEvent started) {
        if (config.initialSupervisor().isPresent()) {
            createFirstSupervisor(
                    config.initialSupervisor().get(),
                    config.initialSupervisorPassword()
                            .orElseThrow(() ->
                                    new IllegalStateException("STATION_INITIAL_SUPERVISOR_PASSWORD is required with "
                                            + "STATION_INITIAL_SUPERVISOR")));
        }
        if (!config.seedDemoAccounts()) {
            return;
        }
        for (String[] demo : DEMO) {
            create(demo[0], demo[1], demo[0] + "-demo", demo[2]).await().indefinitely();
        }
        LOG.warn("Demo accounts are enabled (clerk, clerk2, supervisor, supervisor2): never in production");
    }

    private void createFirstSupervisor(String username, String password) {
        if (password.length() < 10) {
            throw new IllegalStateException("the initial supervisor's password needs at least 10 characters");
        }
        long accounts = database.query("SELECT count(*) AS n FROM station_user")
                .execute()
                .map(rows -> rows.iterator().next().getLong("n"))
                .await()
                .indefinitely();
        if (accounts == 0) {
            create(username, "Initial supervisor", password, "SUPERVISOR")
                    .await()
                    .indefinitely();
            LOG.infof("Initial supervisor account '%s' created", username);
        }
    }

    /** Creates an account if the username is free; returns whether it was created. */
    public Uni<Boolean> create(String username, String displayName, String password, String role) {
        return database.preparedQuery("""
                INSERT INTO station_user (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
                ON CONFLICT (username) DO NOTHING""")
                .execute(Tuple.of(username, displayName, BcryptUtil.bcryptHash(password), role))
                .map(result -> result.rowCount() == 1);
    }

    /** Deactivates an account; its next request is refused (the login is checked against its row every time). */
    public Uni<Boolean> deactivate(String username) {
        return database.preparedQuery("UPDATE station_user SET active = FALSE WHERE username = $1")
                .execute(Tuple.of(username))
                // every request reads the account anyway; ending its sessions also forgets them
                .invoke(() -> sessions.endAllOf(username))
                .map(result -> result.rowCount() == 1);
    }

    /** Ends a lock after failed logins before its time. */
    public Uni<Boolean> unlock(String username) {
        return database.preparedQuery(
                        "UPDATE station_user SET locked_until = NULL, failed_logins = 0 WHERE username = $1")
                .execute(Tuple.of(username))
                .map(result -> result.rowCount() == 1);
    }
}
