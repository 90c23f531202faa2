package org.goldbuying.station.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginCacheTest {

    @Test
    void onlyTheSameCredentialsWithinTheTimeToLiveAreRemembered() {
        AtomicLong now = new AtomicLong(1_000);
        LoginCache cache = new LoginCache(Duration.ofMillis(200), now::get);
        assertThat(cache.roles("clerk", "clerk-demo", "$2a$hash")).isNull();
        cache.remember("clerk", "clerk-demo", "$2a$hash", Set.of(Roles.CLERK));
        assertThat(cache.roles("clerk", "clerk-demo", "$2a$hash")).containsExactly(Roles.CLERK);
        assertThat(cache.roles("clerk", "another-password", "$2a$hash")).isNull();
        assertThat(cache.roles("clerk2", "clerk-demo", "$2a$hash")).isNull();
        assertThat(cache.roles("clerk", "clerk-demo", "$2a$changed"))
                .as("after a password change")
                .isNull();

        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.roles("clerk", "clerk-demo", "$2a$hash"))
                .as("at the end of its time to live")
                .containsExactly(Roles.CLERK);
        now.addAndGet(1);
        assertThat(cache.roles("clerk", "clerk-demo", "$2a$hash"))
                .as("just after")
                .isNull();
    }
}
