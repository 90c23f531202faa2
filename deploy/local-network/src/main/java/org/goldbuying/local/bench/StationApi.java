package org.goldbuying.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The station's REST API as one user of the harnesses sees it: plain JDK HTTP with basic auth. */
final class StationApi {
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern FIRST_SITE = Pattern.compile("\"sites\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");

    /**
     * HTTP/1.1 as the counter's browser speaks it to a plain-http station: the JDK's client would otherwise ask for
     * an upgrade to cleartext HTTP/2 (h2c), which browsers never do, and the station would decode HPACK headers.
     */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;
    private final String authorization;

    StationApi(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to the station carrying this user's login. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The Authorization header's value for this user. */
    String authorization() {
        return authorization;
    }

    String get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    String post(String path, String json) throws Exception {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    String post(String path) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Waits until the station holds a price it may quote against (the centre publishes shortly after start). */
    void awaitQuotablePrice() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!get("/api/price").contains("\"quotable\":true")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the station never received a price");
            }
            Thread.sleep(200);
        }
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + text);
        }
        return m.group(1);
    }
}
