package org.goldbuying.station.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.goldbuying.web.NoThreadContextPropagation;
import org.junit.jupiter.api.Test;

/**
 * The station runs Mutiny without MicroProfile context propagation (NoThreadContextPropagation): the caller's identity
 * still reaches the work done after a database round trip, because the request scope travels on Vert.x's context.
 */
@QuarkusTest
class ThreadContextTest {

    @Test
    void mutinyCallbacksCarryNoThreadContextSnapshot() {
        assertThat(NoThreadContextPropagation.isOff()).isTrue();
    }

    @Test
    void theCallersIdentityOutlivesADatabaseRoundTrip() {
        given().auth()
                .preemptive()
                .basic("clerk", "clerk-demo")
                .get("/api/test/identity-after-database")
                .then()
                .statusCode(200)
                .body(equalTo("clerk"));
    }
}
