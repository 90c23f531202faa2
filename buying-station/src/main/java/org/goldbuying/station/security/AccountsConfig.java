package org.goldbuying.station.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "station.accounts")
public interface AccountsConfig {
    /**
     * Seeds the demo accounts named in the README (clerk, clerk2, supervisor, supervisor2; password = name + "-demo")
     * when they do not exist. For the local network and tests only: never enable in production.
     */
    @WithDefault("false")
    boolean seedDemoAccounts();
}
