package org.goldbuying.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.goldbuying.infra.Readiness;

/**
 * One Quarkus service run from its packaged jar as a child process, with its configuration in environment variables
 * exactly as production passes it, and its output in a log file.
 */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final String baseUrl;
    private final String managementUrl;
    private final Path log;

    private ServiceProcess(String name, Process process, String baseUrl, String managementUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.log = log;
    }

    static ServiceProcess start(
            String name, Path jar, int httpPort, int managementPort, Map<String, String> environment, Path runDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name + " is not built: " + jar + " is missing (run ./mvnw install -DskipTests)");
        }
        try {
            Path logs = Files.createDirectories(runDir.resolve("logs"));
            Path tmp = Files.createDirectories(runDir.resolve("tmp").resolve(name));
            Path log = logs.resolve(name + ".log");
            // A station PC has little memory and few cores: a small heap, the serial collector, the client compiler
            // only and a small code cache keep the resident size down (docs/performance.md has the figures).
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=48m",
                    "-Xss512k",
                    "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
            // SERVICE_JVM_OPTIONS comes after the defaults, so a benchmark can compare (e.g. -XX:TieredStopAtLevel=4)
            String extra =
                    System.getenv().getOrDefault("SERVICE_JVM_OPTIONS", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ServiceProcess(
                    name, builder.start(), "http://localhost:" + httpPort, "http://localhost:" + managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service says it is ready (its health endpoint), or fails with where to look. */
    void awaitReady(Duration timeout) {
        Readiness.awaitService(name, process, managementUrl, baseUrl, timeout, log);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Health, metrics, OpenAPI and Swagger UI: the management interface, on a port of its own. */
    String managementUrl() {
        return managementUrl;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the service as Ctrl-C would (SIGTERM, graceful), then forcibly if it does not stop in time. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the service at once (SIGKILL), as a power cut or an OOM kill would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
