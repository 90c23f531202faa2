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

    /** A session its person made no request in for this long ends (the pages' polls do not count). */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after its login, used or not: a shift, then log in again. */
    @WithDefault("PT12H")
    Duration maxAge();

    /**
     * Whether the cookie says {@code Secure} (sent over HTTPS only). On in production, where TLS ends in front of the
     * service and the service itself sees plain HTTP; off only for the local network and tests on http://localhost.
     */
    @WithDefault("true")
    boolean secureCookie();
}
