package org.goldbuying.station.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LoginCacheTest {

    @Test
    void onlyTheSameCredentialsWithinTheTimeToLiveAreRemembered() throws InterruptedException {
        LoginCache cache = new LoginCache(Duration.ofMillis(200));
        assertThat(cache.roles("clerk", "clerk-demo")).isNull();
        cache.remember("clerk", "clerk-demo", Set.of(Roles.CLERK));
        assertThat(cache.roles("clerk", "clerk-demo")).containsExactly(Roles.CLERK);
        assertThat(cache.roles("clerk", "another-password")).isNull();
        assertThat(cache.roles("clerk2", "clerk-demo")).isNull();
        Thread.sleep(300);
        assertThat(cache.roles("clerk", "clerk-demo")).isNull();
    }
}
