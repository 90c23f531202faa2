package org.goldbuying.station.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.XrfLots;
import org.goldbuying.station.support.XrfSimulatorResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counter's live stream: shots and the quote arrive as server-sent events, without polling. */
@QuarkusTest
class CounterEventsTest {

    @TestHTTPResource("/api/counter/events")
    URI events;

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @Test
    void shotsAndTheQuoteAreStreamedToTheCounter() throws Exception {
        PriceTicks.publishActive("2650.00");
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(events)
                                .header("Accept", "text/event-stream")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "clerk:clerk-demo".getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonPath> received = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            if (line.startsWith("data:")) {
                                received.add(JsonPath.from(line.substring(5)));
                            }
                        }
                    } catch (java.io.IOException closed) {
                        // the test closed the stream
                    }
                },
                "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> received.stream().anyMatch(e -> "CONNECTED".equals(e.getString("type"))));

            String id = XrfLots.open(Sellers.individual(), "10.00");
            XrfSimulatorResource.shoot("91.50", "4.10", "4.30");
            XrfSimulatorResource.shoot("91.60", "4.10", "4.30");
            XrfSimulatorResource.shoot("91.70", "4.10", "4.30");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> received.stream()
                            .anyMatch(e -> "QUOTED".equals(e.getString("type")) && id.equals(e.getString("lot.id"))));

            List<JsonPath> forLot = received.stream()
                    .filter(e -> id.equals(e.getString("lot.id")))
                    .toList();
            assertThat(forLot)
                    .extracting(e -> e.getString("type"))
                    .containsExactly("ASSAYING", "SHOT", "SHOT", "QUOTED");
            assertThat(forLot.get(1).getList("lot.assay.shots")).hasSize(1);
            assertThat(forLot.get(2).getList("lot.assay.shots")).hasSize(2);
            JsonPath quoted = forLot.get(3);
            assertThat(quoted.getString("lot.status")).isEqualTo("QUOTED");
            assertThat(quoted.getString("lot.finenessPerMille")).isEqualTo("916.0");
            assertThat(quoted.getString("lot.quote.fineGrams")).isEqualTo("9.1600");
            assertThat(quoted.getList("lot.assay.shots")).hasSize(3);

            // a shot on the line from an analyser that is not registered here: the clerk is told, nothing is stored
            String next = XrfLots.open(Sellers.individual(), "10.00");
            XrfSimulatorResource.simulator().analyser(new AnalyserId("XR-SIM", "XRF-ROGUE"));
            try {
                XrfSimulatorResource.shoot("91.50", "4.10", "4.30");
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> received.stream()
                                .anyMatch(e -> "XRF_PROBLEM".equals(e.getString("type"))
                                        && e.getString("message").contains("XRF-ROGUE")
                                        && e.getString("message").contains("not registered")));
            } finally {
                XrfSimulatorResource.simulator().analyser(XrfSimulatorResource.ANALYSER);
            }
            assertThat(XrfLots.get(next).getList("assay.shots")).isEmpty();
        } finally {
            response.body().close();
        }
    }

    @Test
    void theStreamNeedsALogin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(events)
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
