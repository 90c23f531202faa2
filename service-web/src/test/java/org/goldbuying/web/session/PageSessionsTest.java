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
        assertThat(sessions.use(token, true)).contains("clerk");
        sessions.end(token);
        assertThat(sessions.use(token, true)).isEmpty();
        assertThat(sessions.use("a-token-nobody-was-given", true)).isEmpty();
    }

    @Test
    void tokensAreLongAndNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = sessions.start("clerk-" + i);
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
        assertThat(sessions.use(busy, true)).contains("supervisor");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.use(idle, true)).as("31 minutes unused").isEmpty();
        // used every 20 minutes, it still ends 12 hours after the login
        for (int i = 0; i < 34; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.use(busy, true)).contains("supervisor");
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.use(busy, true)).isEmpty();
    }

    @Test
    void thePagesPollsDoNotKeepASessionOpen() {
        String token = sessions.start("clerk");
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(4));
            assertThat(sessions.use(token, false))
                    .as("a poll, %d minutes after the login", 4 * (i + 1))
                    .contains("clerk");
        }
        clock.advance(Duration.ofMinutes(3));
        assertThat(sessions.use(token, false))
                .as("31 minutes without the clerk's own request")
                .isEmpty();
    }

    @Test
    void anAccountHoldsAFewSessionsAtMostTheOldestEndsFirst() {
        String oldest = sessions.start("clerk");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 1; i < PageSessions.PER_ACCOUNT; i++) {
            sessions.start("clerk");
            clock.advance(Duration.ofSeconds(1));
        }
        String other = sessions.start("clerk2");
        assertThat(sessions.use(oldest, true)).contains("clerk");
        String newest = sessions.start("clerk");
        assertThat(sessions.use(oldest, true)).isEmpty();
        assertThat(sessions.use(newest, true)).contains("clerk");
        assertThat(sessions.use(other, true)).contains("clerk2");
        assertThat(sessions.open()).isEqualTo(PageSessions.PER_ACCOUNT + 1);
    }

    @Test
    void endingAnAccountsSessionsLeavesOthersOpen() {
        String first = sessions.start("clerk");
        String second = sessions.start("clerk");
        String other = sessions.start("clerk2");
        sessions.endAllOf("clerk");
        assertThat(sessions.use(first, true)).isEmpty();
        assertThat(sessions.use(second, true)).isEmpty();
        assertThat(sessions.use(other, true)).contains("clerk2");
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

        @Override
        public boolean secureCookie() {
            return false;
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
