package org.goldbuying.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the registry's {@code keycloak-quarkus-dist}, unpacked by this module's build under
 * {@code deploy/embedded-infra/target/keycloak}) as the bank's OIDC provider for the centre's tests and the local
 * network: {@code kc.sh start-dev} on 127.0.0.1 only, on the machine's second JDK (Keycloak needs Java 21+; {@code
 * KEYCLOAK_JAVA_HOME}, else Temurin 25 where the machine has it), an in-memory database, and the realm imported at
 * every start from the repository's {@code deploy/keycloak/goldbuying-realm.json}. Nothing in the realm is a secret:
 * the centre's client is public and uses PKCE, and the demo users' passwords are the local network's documented ones.
 */
public final class LocalKeycloak implements AutoCloseable {
    public static final String REALM = "goldbuying";
    /** The centre's client in the realm (public: the authorization code flow with PKCE, and direct grants in tests). */
    public static final String CLIENT = "central-office";

    private static final Path DEFAULT_JAVA_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Process process;
    private final int port;
    private final Path log;

    private LocalKeycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether this machine can run it: the unpacked distribution and a Java 21+ to run it on. */
    public static boolean available() {
        return home().isPresent() && javaHome().isPresent();
    }

    /**
     * Starts Keycloak on {@code port} (0: a free one) with its log under {@code dir}, and waits until the realm answers
     * (about 25 s on two idle cores; more while other services start).
     */
    public static LocalKeycloak start(Path dir, int port, Duration timeout) {
        LocalKeycloak keycloak = launch(dir, port);
        try {
            keycloak.awaitReady(timeout);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** Starts Keycloak without waiting for it: {@link #awaitReady} then waits, so that other things start meanwhile. */
    public static LocalKeycloak launch(Path dir, int port) {
        Path home = home().orElseThrow(() -> new IllegalStateException(
                "Keycloak is not unpacked: build deploy/embedded-infra (./mvnw package) first"));
        Path javaHome = javaHome()
                .orElseThrow(() -> new IllegalStateException(
                        "Keycloak needs Java 21 or newer: set KEYCLOAK_JAVA_HOME (Temurin 25 is expected at "
                                + DEFAULT_JAVA_HOME + ")"));
        int chosen = port == 0 ? FreePort.find() : port;
        try {
            Path folder = Files.createDirectories(dir).toAbsolutePath();
            Path tmp = Files.createDirectories(folder.resolve("tmp"));
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Files.copy(realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = folder.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin").resolve("kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + chosen,
                            "--db=dev-mem",
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            // a small heap (the machine runs everything else too) and temporary files in the run's folder
            env.put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m -Djava.io.tmpdir=" + tmp);
            env.remove("KC_DB");
            return new LocalKeycloak(builder.start(), chosen, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /** The realm's issuer, the URL the centre's {@code CENTRE_OIDC_URL} names. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /**
     * An access token for a user of the realm, as an API client gets one (the direct grant of the centre's public
     * client; the local realm allows it for scripts and tests).
     */
    public String accessToken(String username, String password) {
        return accessToken(CLIENT, username, password);
    }

    /** An access token for a user of the realm from another of its clients (one with direct grants). */
    public String accessToken(String client, String username, String password) {
        String form = Stream.of(
                        Map.entry("grant_type", "password"),
                        Map.entry("client_id", client),
                        Map.entry("username", username),
                        Map.entry("password", password),
                        Map.entry("scope", "openid"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the realm answers, or fails naming the log. */
    public void awaitReady(Duration timeout) {
        Readiness.await("Keycloak", process, URI.create(issuer() + "/.well-known/openid-configuration"), timeout, log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The unpacked distribution, found from the working folder (the project's root or one of its modules). */
    static Optional<Path> home() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path unpacked = dir.resolve("deploy/embedded-infra/target/keycloak");
            if (Files.isDirectory(unpacked)) {
                try (Stream<Path> versions = Files.list(unpacked)) {
                    List<Path> found = versions.filter(
                                    p -> p.getFileName().toString().startsWith("keycloak-"))
                            .filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                            .toList();
                    if (found.size() == 1) {
                        return Optional.of(found.get(0));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The realm the repository keeps (deploy/keycloak), found like {@link #home}. */
    static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path realm = dir.resolve("deploy/keycloak/" + REALM + "-realm.json");
            if (Files.isRegularFile(realm)) {
                return realm;
            }
        }
        throw new IllegalStateException("deploy/keycloak/" + REALM + "-realm.json not found above "
                + Path.of("").toAbsolutePath());
    }

    static Optional<Path> javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        Path home = configured == null || configured.isBlank() ? DEFAULT_JAVA_HOME : Path.of(configured);
        return Files.isExecutable(home.resolve("bin/java")) ? Optional.of(home) : Optional.empty();
    }
}
