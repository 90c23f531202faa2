package org.goldbuying.centre.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.infra.FreePort;
import org.goldbuying.infra.LocalKafka;
import org.goldbuying.infra.LocalPostgres;
import org.goldbuying.infra.Readiness;

/**
 * The packaged central-office ({@code target/quarkus-app/quarkus-run.jar}) run by a benchmark harness as a child
 * process on a free port, pointed at a real PostgreSQL and a real Kafka broker through its environment variables, as
 * production runs it; its output goes to {@code central-office.log} in the harness's folder.
 */
final class PackagedCentre implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final String managementUrl;

    private PackagedCentre(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://localhost:" + port;
        this.managementUrl = "http://localhost:" + managementPort;
    }

    /** The jar named by {@code -Dbench.jar} (default target/quarkus-app/quarkus-run.jar); fails if it is missing. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("central-office is not packaged: " + jar + " is missing");
        }
        return jar;
    }

    /**
     * Starts the service with {@code -Xmx512m}, the JVM options in {@code -Dbench.service.jvm} (space-separated, e.g.
     * a flight recording) and the database and broker addresses; {@code environment} adds or overrides variables
     * (publication interval, batch size, profile, ...).
     */
    static PackagedCentre start(
            Path jar, Path dir, LocalPostgres postgres, LocalKafka kafka, Map<String, String> environment)
            throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("service-tmp"));
        Path log = dir.resolve("central-office.log");
        int port = FreePort.find();
        int managementPort = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp));
        String options = System.getProperty("bench.service.jvm", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("CENTRE_DB_REACTIVE_URL", postgres.reactiveUrl("centre"));
        env.put("CENTRE_DB_JDBC_URL", postgres.jdbcUrl("centre"));
        env.put("CENTRE_DB_USER", LocalPostgres.USER);
        env.put("CENTRE_DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CENTRE_HTTP_PORT", Integer.toString(port));
        env.put("CENTRE_MANAGEMENT_PORT", Integer.toString(managementPort));
        // the prod profile starts only with these set on purpose (CentreMain); a benchmark prices from the simulator
        env.put("CENTRE_CURRENCY", "UGX");
        env.put("CENTRE_CURRENCY_EXPONENT", "0");
        env.put("CENTRE_FX_LOCAL_PER_USD", "3700.00");
        env.put("CENTRE_FEED", "simulated");
        env.put("CENTRE_FEED_SIMULATED_ON_PURPOSE", "true");
        // nobody logs in to a benchmark: no identity provider
        env.put("CENTRE_OIDC_ENABLED", "false");
        KeyPair signing = Ed25519.generate();
        Path signingKey = dir.resolve("keys").resolve("centre-signing.pem");
        Ed25519.writePrivateKey(signingKey, signing.getPrivate());
        env.put("CENTRE_SIGNING_KEY_FILE", signingKey.toString());
        env.put("CENTRE_SIGNING_PUBLIC_KEY", Ed25519.publicKeyText(signing.getPublic()));
        env.putAll(environment);
        return new PackagedCentre(builder.start(), log, port, managementPort);
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Fails, naming the log, when the service has exited. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("central-office exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Waits until /q/health/ready answers 200 on the management interface and the main port answers. */
    void awaitReady(Duration timeout) {
        Readiness.awaitService("central-office", process, managementUrl, baseUrl, timeout, log);
    }

    /** Stops the service (SIGTERM, graceful), forcibly if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** /proc/loadavg, for the reports: what else the machine was doing. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
