package org.goldbuying.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.goldbuying.contracts.StationPublicKey;

/**
 * What an installation does once per station: two treasury users register the station's key at the centre (one
 * proposes, the other approves), so its signed purchases count. The local network does it with its demo treasury
 * accounts; a key registered on an earlier start on the same run folder is left as it is.
 */
final class StationRegistration {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StationRegistration() {}

    static void register(String centreUrl, String stationId, String region, StationPublicKey key) {
        String registered = call(centreUrl, "GET", "/api/station-keys/published", null, null);
        if (registered.contains("\"keyId\":\"" + key.keyId() + "\"")) {
            return;
        }
        String proposal = "{\"stationId\":\"" + stationId + "\",\"region\":\"" + region + "\",\"publicKey\":\""
                + key.text() + "\",\"reason\":\"Installed by the local network's launcher\"}";
        call(centreUrl, "POST", "/api/station-keys", "treasury", proposal);
        call(centreUrl, "POST", "/api/station-keys/" + key.keyId() + "/approve", "treasury2", null);
    }

    private static String call(String centreUrl, String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(centreUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String credentials = user + ":" + user + "-demo";
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("registering the station's key: " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("registering the station's key: " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the station's key", e);
        }
    }
}
