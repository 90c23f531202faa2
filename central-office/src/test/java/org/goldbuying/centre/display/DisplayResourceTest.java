package org.goldbuying.centre.display;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public display's API against the real service: figures, languages, suspension, live pushes, the page. */
@QuarkusTest
class DisplayResourceTest {
    @Inject
    SimulatedGoldFeed feed;

    @TestHTTPResource("/api/display/stream")
    URL stream;

    @AfterEach
    void release() {
        feed.release();
    }

    /** Publishes the worked example's spot (2650.00 USD/ozt at 3700 UGX/USD, 5 % + 4 % deducted). */
    static long publish(SimulatedGoldFeed feed, String spot) {
        feed.force(new BigDecimal(spot));
        return given().auth()
                .preemptive()
                .basic("treasury", "treasury-demo")
                .post("/api/price/publish")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("sequence");
    }

    static JsonPath display() {
        return given().get("/api/display/price")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anActivePriceIsShownPerGramForEveryPurityAndLocalUnit() {
        long sequence = publish(feed, "2650.00");
        JsonPath view = display();
        assertThat(view.getString("status")).isEqualTo("ACTIVE");
        assertThat(view.getLong("sequence")).isEqualTo(sequence);
        assertThat(view.getBoolean("simulated")).isTrue();
        assertThat(view.getList("rows.key", String.class)).containsExactly("fine", "999", "916", "750");
        assertThat(view.getList("rows.perMille", String.class)).containsExactly("1000", "999", "916", "750");
        assertThat(view.getList("rows.perGram.minor", Long.class))
                .containsExactly(286_866L, 286_580L, 262_770L, 215_151L);
        assertThat(view.getList("rows[0].perUnit.minor", Long.class)).containsExactly(1_319_586L, 164_949L);
        assertThat(view.getString("spotUsdPerTroyOunce")).isEqualTo("2650.00");

        given().get("/api/display/price.txt?lang=sw")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(
                        containsString("Dhahabu safi: 286,866"),
                        containsString("916 (22k): 262,770"),
                        containsString("MAJARIBIO"));
        given().get("/api/display/price.txt")
                .then()
                .statusCode(200)
                .body(containsString("Gold buying price, UGX per gram (SIMULATED)"));
    }

    @Test
    void aSuspendedPriceIsSaidPlainlyAndNoFigureIsShown() {
        publish(feed, "2650.00");
        long suspended = publish(feed, "3180.00");
        JsonPath view = display();
        assertThat(view.getLong("sequence")).isEqualTo(suspended);
        assertThat(view.getString("status")).isEqualTo("SUSPENDED");
        assertThat(view.getString("reason")).contains("moved 20.00%");
        assertThat(view.getList("rows")).isEmpty();
        assertThat(view.getString("spotUsdPerTroyOunce")).isNull();
        String text = given().get("/api/display/price.txt?lang=fr")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(text).contains("SUSPENDU").doesNotContain("286");
        publish(feed, "2650.00");
    }

    @Test
    void anUnknownLanguageIsATypedRefusal() {
        given().get("/api/display/price.txt?lang=de")
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("BAD_REQUEST"))
                .body("message", containsString("use one of en, fr, es, sw"));
    }

    @Test
    void aPublishedTickIsPushedToOpenStreams() throws Exception {
        long first = publish(feed, "2650.00");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(stream.toString()))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(nextEvent(events).getLong("sequence")).isEqualTo(first);
            long suspended = publish(feed, "3180.00");
            JsonPath pushed;
            do {
                pushed = nextEvent(events);
            } while (pushed.getLong("sequence") < suspended);
            assertThat(pushed.getString("status")).isEqualTo("SUSPENDED");
        } finally {
            publish(feed, "2650.00");
        }
    }

    /** The next SSE data line as JSON, waiting at most 10 s. */
    static JsonPath nextEvent(BufferedReader events) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = events.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                return new JsonPath(line.substring(5).trim());
                            }
                        }
                        throw new AssertionError("stream ended");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void thePageIsServedWithoutLogin() {
        given().get("/display/")
                .then()
                .statusCode(200)
                .body(
                        containsString("<html lang=\"en\">"),
                        containsString("aria-live=\"polite\""),
                        containsString("<main"),
                        containsString("display.js"));
        given().get("/display/display.js").then().statusCode(200);
        // read-only: nothing to write here
        given().post("/api/display/price").then().statusCode(405);
    }
}
