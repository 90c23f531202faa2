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
        assertThat(cache.roles("clerk", "clerk-demo")).isNull();
        cache.remember("clerk", "clerk-demo", Set.of(Roles.CLERK));
        assertThat(cache.roles("clerk", "clerk-demo")).containsExactly(Roles.CLERK);
        assertThat(cache.roles("clerk", "another-password")).isNull();
        assertThat(cache.roles("clerk2", "clerk-demo")).isNull();

        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.roles("clerk", "clerk-demo"))
                .as("at the end of its time to live")
                .containsExactly(Roles.CLERK);
        now.addAndGet(1);
        assertThat(cache.roles("clerk", "clerk-demo")).as("just after").isNull();
    }
}
