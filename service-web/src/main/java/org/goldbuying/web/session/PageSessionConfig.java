package org.goldbuying.web.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the pages' server-side sessions are kept (web.session.*). */
@ConfigMapping(prefix = "web.session")
public interface PageSessionConfig {
    /**
     * The session cookie's name. Each service needs its own: browsers keep cookies per host, not per port, so the
     * station's and the centre's on one machine would otherwise overwrite each other.
     */
    String cookieName();

    /** A session nobody used for this long ends. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after its login, used or not: a shift, then log in again. */
    @WithDefault("PT12H")
    Duration maxAge();
}
