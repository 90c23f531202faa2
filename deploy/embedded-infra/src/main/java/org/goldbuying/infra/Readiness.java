package org.goldbuying.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;

/** Waiting for a process this project started (a service, Keycloak) until a URL of it answers 200. */
public final class Readiness {
    private Readiness() {}

    /**
     * Polls {@code url} until it answers 200; fails, naming {@code log}, when {@code process} exits first or the time
     * runs out.
     */
    public static void await(String name, Process process, URI url, Duration timeout, Path log) {
        await(name, process, url, timeout, log, status -> status == 200);
    }

    /**
     * Waits for a Quarkus service: its readiness check on the management interface, then its main port, which Quarkus
     * may open after the management one (callers use the main port next).
     */
    public static void awaitService(
            String name, Process process, String managementUrl, String baseUrl, Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        await(name, process, URI.create(managementUrl + "/q/health/ready"), timeout, log);
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        await(name, process, URI.create(baseUrl + "/"), left, log, anyStatus -> true);
    }

    private static void await(
            String name, Process process, URI url, Duration timeout, Path log, IntPredicate answered) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answered.test(response.statusCode())) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }
}
