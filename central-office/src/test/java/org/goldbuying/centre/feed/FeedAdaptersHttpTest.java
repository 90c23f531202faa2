package org.goldbuying.centre.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both network adapters against a real local HTTP server: good answers, garbage, errors, slowness, and no server. */
class FeedAdaptersHttpTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String LBMA_FILE = """
            [{"d":"2026-11-19","v":[2641.15,2087.3,2490.55]},{"d":"2026-11-20","v":[2650.40,2094.1,2501.2]}]""";

    final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static FeedConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("centre.feed.fetch.request-timeout", "PT1S");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FeedConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(FeedConfig.class);
    }

    static PolledFeed feed(Map<String, String> properties) {
        return (PolledFeed) ActiveGoldFeed.select(
                config(properties),
                () -> {
                    throw new AssertionError("not the simulated feed");
                },
                CLOCK);
    }

    PolledFeed lbma() {
        return feed(Map.of(
                "centre.feed.active",
                "lbma",
                "centre.feed.lbma.url",
                server.url().toString()));
    }

    PolledFeed httpJson() {
        return feed(Map.of(
                "centre.feed.active",
                "http-json",
                "centre.feed.http-json.url",
                server.url().toString(),
                "centre.feed.http-json.usd-pointer",
                "/spot/usd",
                "centre.feed.http-json.timestamp-pointer",
                "/spot/at"));
    }

    static String problem(PolledFeed feed) {
        feed.poll();
        assertThat(feed.latest()).as("no price when the feed is bad").isEmpty();
        return feed.problem().orElseThrow();
    }

    @Test
    void lbmaFileOverHttpGivesTheLatestDayAtThePmAuction() {
        server.answer(200, LBMA_FILE);
        PolledFeed feed = lbma();
        assertThat(feed.latest()).isEmpty();
        assertThat(feed.problem()).hasValueSatisfying(p -> assertThat(p).contains("not been read yet"));
        feed.poll();
        FeedQuote quote = feed.latest().orElseThrow();
        assertThat(quote.spotUsdPerTroyOunce().toPlainString()).isEqualTo("2650.40");
        assertThat(quote.observedAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(quote.source()).isEqualTo("lbma-gold-pm");
        assertThat(quote.simulated()).isFalse();
        assertThat(feed.problem()).isEmpty();
    }

    @Test
    void lbmaFileFromADiskUrl() throws IOException {
        Path file = Files.createDirectories(Path.of("target", "feed-test")).resolve("gold_pm.json");
        Files.writeString(file, LBMA_FILE);
        PolledFeed feed = feed(Map.of(
                "centre.feed.active",
                "lbma",
                "centre.feed.lbma.url",
                file.toUri().toString()));
        feed.poll();
        assertThat(feed.latest().orElseThrow().spotUsdPerTroyOunce()).isEqualByComparingTo("2650.40");
        URI missing = file.resolveSibling("missing.json").toUri();
        assertThat(problem(feed(Map.of("centre.feed.active", "lbma", "centre.feed.lbma.url", missing.toString()))))
                .contains("does not exist");
    }

    @Test
    void lbmaBadPayloadsClearThePriceAndSayWhy() {
        PolledFeed feed = lbma();
        server.answer(200, LBMA_FILE);
        feed.poll();
        assertThat(feed.latest()).isPresent();

        server.answer(200, "[]");
        assertThat(problem(feed)).contains("has no prices");
        server.answer(200, "[{\"d\":\"2026-11-20\",\"v\":[0,0,0]}]");
        assertThat(problem(feed)).contains("is not positive: 0");
        server.answer(200, "<html>Access denied</html>");
        assertThat(problem(feed)).contains("not valid JSON");
        server.answer(403, "forbidden");
        assertThat(problem(feed)).contains("answered HTTP 403");
        server.answer(200, "");
        assertThat(problem(feed)).contains("is empty");

        server.answer(200, LBMA_FILE);
        feed.poll();
        assertThat(feed.latest()).isPresent();
        assertThat(feed.problem()).isEmpty();
    }

    @Test
    void httpJsonPollerReadsThePointers() {
        server.answer(200, "{\"spot\":{\"usd\":\"2651.25\",\"at\":\"2026-11-22T08:59:00Z\"},\"other\":[1,2]}");
        PolledFeed feed = httpJson();
        feed.poll();
        FeedQuote quote = feed.latest().orElseThrow();
        assertThat(quote.spotUsdPerTroyOunce().toPlainString()).isEqualTo("2651.25");
        assertThat(quote.observedAt()).isEqualTo(Instant.parse("2026-11-22T08:59:00Z"));
        assertThat(quote.source()).isEqualTo("http-json-spot");
        assertThat(feed.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void httpJsonBadPayloadsClearThePriceAndSayWhy() {
        PolledFeed feed = httpJson();
        server.answer(200, "{\"spot\":{\"at\":\"2026-11-22T08:59:00Z\"}}");
        assertThat(problem(feed)).contains("/spot/usd has no value");
        server.answer(200, "{\"spot\":{\"usd\":-3,\"at\":\"2026-11-22T08:59:00Z\"}}");
        assertThat(problem(feed)).contains("not positive");
        server.answer(200, "{\"spot\":{\"usd\":2650,\"at\":\"soon\"}}");
        assertThat(problem(feed)).contains("not a valid iso-8601 time");
        server.answer(500, "{\"error\":\"upstream\"}");
        assertThat(problem(feed)).contains("answered HTTP 500");
        server.answer(200, "x".repeat(100)).delay(Duration.ofMillis(1500));
        assertThat(problem(feed)).contains("did not answer in time");
    }

    @Test
    void anOversizedAnswerIsRefused() {
        server.answer(200, "[" + "{\"d\":\"2026-11-20\",\"v\":[2650]},".repeat(200) + "]");
        PolledFeed feed = feed(Map.of(
                "centre.feed.active",
                "lbma",
                "centre.feed.lbma.url",
                server.url().toString(),
                "centre.feed.fetch.max-bytes",
                "1000"));
        assertThat(problem(feed)).contains("more than the limit of 1000 bytes");
    }

    @Test
    void aServerThatIsDownGivesNoPriceAndAClearReason() {
        server.answer(200, LBMA_FILE);
        PolledFeed lbma = lbma();
        PolledFeed json = httpJson();
        lbma.poll();
        assertThat(lbma.latest()).isPresent();
        server.close();
        assertThat(problem(lbma)).contains("cannot be reached");
        assertThat(problem(json)).contains("cannot be reached");
    }

    @Test
    void theActiveFeedIsPolledAtItsIntervalNotAtEveryCheck() {
        server.answer(200, LBMA_FILE);
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        FeedConfig config = config(Map.of(
                "centre.feed.active",
                "lbma",
                "centre.feed.lbma.url",
                server.url().toString()));
        ActiveGoldFeed active = new ActiveGoldFeed(config, new SimulatedGoldFeed(config, clock), clock);
        assertThat(active.latest()).isEmpty();
        active.pollWhenDue();
        assertThat(active.latest()).isPresent();

        // within the 10 minute interval the file is not read again, so its new garbage is not seen yet
        server.answer(200, "garbage");
        now.set(NOW.plus(Duration.ofMinutes(9)));
        active.pollWhenDue();
        assertThat(active.latest()).isPresent();
        now.set(NOW.plus(Duration.ofMinutes(10)));
        active.pollWhenDue();
        assertThat(active.latest()).isEmpty();
        assertThat(active.problem()).hasValueSatisfying(p -> assertThat(p).contains("not valid JSON"));
    }

    @Test
    void misconfigurationNamesTheSettingToFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed(Map.of("centre.feed.active", "lbma")))
                .hasMessageContaining("centre.feed.lbma.url is required");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed(Map.of(
                        "centre.feed.active",
                        "http-json",
                        "centre.feed.http-json.url",
                        "http://127.0.0.1:1/x",
                        "centre.feed.http-json.usd-pointer",
                        "usd")))
                .hasMessageContaining("centre.feed.http-json.usd-pointer is not a JSON pointer");
        assertThat(config(Map.of()).active()).isEqualTo(FeedConfig.Kind.SIMULATED);
    }
}
