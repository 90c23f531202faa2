package org.goldbuying.station.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "station.accounts")
public interface AccountsConfig {
    /**
     * Seeds the demo accounts named in the README (clerk, clerk2, supervisor, supervisor2; password = name + "-demo")
     * when they do not exist. For the local network and tests only: never enable in production.
     */
    @WithDefault("false")
    boolean seedDemoAccounts();

    /**
     * The first supervisor of a new station (STATION_INITIAL_SUPERVISOR and STATION_INITIAL_SUPERVISOR_PASSWORD),
     * created only while the station has no account at all; that supervisor then creates the others.
     */
    Optional<String> initialSupervisor();

    Optional<String> initialSupervisorPassword();

    /** Consecutive failed logins that lock an account (a success in between starts the count again). */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a locked account stays locked, unless a supervisor unlocks it. */
    @WithDefault("PT15M")
    Duration lockFor();
}
