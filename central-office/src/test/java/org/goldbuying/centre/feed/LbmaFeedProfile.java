package org.goldbuying.centre.feed;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The centre priced from an LBMA-style file served by a real local HTTP server, polled every second, with ticks that
 * age out after 8 seconds: the whole path from a licensed feed to a stale screen in one short test.
 */
public class LbmaFeedProfile implements QuarkusTestProfile {
    static final String GOOD_FILE = "[{\"d\":\""
            + LocalDate.now(ZoneId.of("Europe/London")).minusDays(1) + "\",\"v\":[2650.40,2094.1,2501.2]}]";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centre.feed.active",
                "lbma",
                "centre.feed.lbma.poll-interval",
                "PT1S",
                // a daily price: yesterday's PM auction must still be acceptable
                "centre.pricing.max-feed-age",
                "P4D",
                "centre.pricing.max-tick-age",
                "PT8S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts the feed's HTTP server before the service reads its configuration. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        static LocalHttpServer server;

        @Override
        public Map<String, String> start() {
            server = new LocalHttpServer().answer(200, GOOD_FILE);
            return Map.of("centre.feed.lbma.url", server.url().toString());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
