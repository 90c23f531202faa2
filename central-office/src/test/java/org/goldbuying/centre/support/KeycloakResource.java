package org.goldbuying.centre.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.goldbuying.infra.LocalKeycloak;

/**
 * A real Keycloak with the repository's realm (deploy/keycloak) as the bank's identity provider, for the tests of a
 * profile that turns the centre's OIDC on. Started before the centre, so the centre finds its provider at once.
 */
public final class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    private static volatile LocalKeycloak keycloak;

    /** Whether it runs: only on a machine with Java 21+ and deploy/embedded-infra built (always in CI). */
    public static boolean running() {
        return keycloak != null;
    }

    public static LocalKeycloak keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is not started: the test needs the identity provider profile");
        }
        return keycloak;
    }

    @Override
    public Map<String, String> start() {
        if (!LocalKeycloak.available() && System.getenv("CI") == null) {
            return Map.of(); // the tests assume it runs, and are skipped on a machine without Java 21+
        }
        if (!LocalKeycloak.available()) {
            throw new IllegalStateException("Keycloak cannot run here: it needs deploy/embedded-infra built"
                    + " (./mvnw package) and Java 21+ (KEYCLOAK_JAVA_HOME, or Temurin 25 in /usr/lib/jvm)");
        }
        keycloak = LocalKeycloak.start(Path.of("target", "keycloak"), 0, Duration.ofMinutes(4));
        return Map.of("quarkus.oidc.auth-server-url", keycloak.issuer(), "quarkus.oidc.tenant-enabled", "true");
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }
}
