package org.goldbuying.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * A change carried by a cookie alone (a page's session at the station, the identity provider's session at the centre)
 * must come from the service's own page, which marks its requests with {@code X-Requested-With}: a form on another
 * site, or on another port of the same host, cannot send that header without the browser asking this service first
 * (and it answers no such question). Requests with their own credentials ({@code Authorization}: API clients, a
 * supervisor signing at a counter) are not concerned.
 */
public class CookieChangesNeedThePageHeader {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            var request = context.request();
            if (!READS.contains(request.method().name())
                    && request.getHeader(HttpHeaders.COOKIE) != null
                    && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getHeader("X-Requested-With") == null) {
                context.response()
                        .setStatusCode(403)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(new JsonObject()
                                .put("code", "NOT_A_PAGE")
                                .put(
                                        "message",
                                        "A change sent with a login cookie must come from this service's own page;"
                                                + " API clients send their credentials in the Authorization header.")
                                .encode());
                return;
            }
            context.next();
        });
    }
}
