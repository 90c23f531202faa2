package org.goldbuying.infra;

/**
 * Where a service under {@code @QuarkusTest} serves health, metrics, OpenAPI and Swagger UI: its management
 * interface, on a port of its own (picked free for tests and published by Quarkus once it listens).
 */
public final class ManagementInterface {
    private ManagementInterface() {}

    /** The full URL of {@code path} (e.g. {@code /q/metrics}) on the management interface of the service under test. */
    public static String url(String path) {
        String port = System.getProperty("quarkus.management.test-port");
        if (port == null || "0".equals(port)) {
            throw new IllegalStateException("the service under test has not published its management port yet");
        }
        return "http://localhost:" + port + path;
    }
}
