package org.goldbuying.centre.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a feed document from a file: or http(s): URL, blocking, with timeouts and a size limit, so a slow,
 * huge or missing document becomes a {@link FeedException} with a reason instead of a hung or exhausted poller.
 */
public final class FeedSource {
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxBytes;

    public FeedSource(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
    }

    public static FeedSource of(FeedConfig.Fetch config) {
        return new FeedSource(config.connectTimeout(), config.requestTimeout(), config.maxBytes());
    }

    /** The document as text (UTF-8), or a FeedException saying why there is none. */
    public String read(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        return switch (scheme) {
            case "file" -> readFile(url);
            case "http", "https" -> readHttp(url);
            default -> throw new FeedException("Feed URL " + url + " is neither file: nor http(s):.");
        };
    }

    private String readFile(URI url) {
        Path path = Path.of(url);
        try {
            if (Files.size(path) > maxBytes) {
                throw new FeedException("Feed file " + path + " is larger than the limit of " + maxBytes + " bytes.");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FeedException("Feed file " + path + " does not exist.", e);
        } catch (IOException e) {
            throw new FeedException("Feed file " + path + " could not be read: " + e, e);
        }
    }

    private String readHttp(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FeedException("Feed " + url + " answered HTTP " + response.statusCode() + ".");
                }
                // read one byte more than allowed, so an oversized answer is detected without reading all of it
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new FeedException("Feed " + url + " answered more than the limit of " + maxBytes + " bytes.");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (ConnectException e) {
            throw new FeedException("Feed " + url + " cannot be reached (connection refused or no route).", e);
        } catch (HttpTimeoutException e) {
            throw new FeedException("Feed " + url + " did not answer in time (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new FeedException("Feed " + url + " could not be read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Reading feed " + url + " was interrupted.", e);
        }
    }
}
