package org.goldbuying.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageSessionsTest {
    private final MovableClock clock = new MovableClock();
    private final PageSessions sessions = new PageSessions(new Config(), clock);

    @Test
    void aSessionIsItsOwnersUntilLoggedOut() {
        String token = sessions.start("clerk");
        assertThat(sessions.use(token)).contains("clerk");
        sessions.end(token);
        assertThat(sessions.use(token)).isEmpty();
        assertThat(sessions.use("a-token-nobody-was-given")).isEmpty();
    }

    @Test
    void tokensAreLongAndNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = sessions.start("clerk");
            assertThat(token).hasSize(43); // 32 random bytes, base64url without padding
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void anUnusedSessionEndsAfterTheIdleTimeoutAndAUsedOneAfterTheMaximumAge() {
        String idle = sessions.start("clerk");
        String busy = sessions.start("supervisor");
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.use(busy)).contains("supervisor");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.use(idle)).as("31 minutes unused").isEmpty();
        // used every 20 minutes, it still ends 12 hours after the login
        for (int i = 0; i < 34; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.use(busy)).contains("supervisor");
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.use(busy)).isEmpty();
    }

    @Test
    void endingAnAccountsSessionsLeavesOthersOpen() {
        String first = sessions.start("clerk");
        String second = sessions.start("clerk");
        String other = sessions.start("clerk2");
        sessions.endAllOf("clerk");
        assertThat(sessions.use(first)).isEmpty();
        assertThat(sessions.use(second)).isEmpty();
        assertThat(sessions.use(other)).contains("clerk2");
    }

    @Test
    void endedSessionsAreForgottenAtTheNextLogin() {
        sessions.start("clerk");
        clock.advance(Duration.ofHours(1));
        sessions.start("clerk2");
        assertThat(sessions.open()).isEqualTo(1);
    }

    private static final class Config implements PageSessionConfig {
        @Override
        public String cookieName() {
            return "test-session";
        }

        @Override
        public Duration idleTimeout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration maxAge() {
            return Duration.ofHours(12);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
