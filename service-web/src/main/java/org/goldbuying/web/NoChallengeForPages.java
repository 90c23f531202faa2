package org.goldbuying.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * The pages log in with fetch and HTTP basic auth. A 401 carrying "WWW-Authenticate: Basic" makes the browser open
 * its own login prompt (which blocks the page, and never closes in a headless browser), so for requests the pages
 * mark with "X-Requested-With" the challenge header is dropped and the page shows its own message instead.
 * API clients without the header still get the standard challenge.
 */
public class NoChallengeForPages {
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().getHeader("X-Requested-With") != null) {
                context.addHeadersEndHandler(ignored -> {
                    if (context.response().getStatusCode() == 401) {
                        context.response().headers().remove("WWW-Authenticate");
                    }
                });
            }
            context.next();
        });
    }
}
