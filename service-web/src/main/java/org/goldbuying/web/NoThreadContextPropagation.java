package org.goldbuying.web;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Turns off MicroProfile context propagation for Mutiny's callbacks, the one decorator Quarkus registers with Mutiny
 * (it comes in with quarkus-mutiny). It captured and restored a thread-context snapshot (CDI request scope, JTA) for
 * every lambda of every reactive step: 14 % of what a lot costs the station in allocation (docs/performance.md). These
 * services need none of it: the request scope and the Hibernate Reactive session travel on Vert.x's duplicated
 * context, no JTA transaction is ever open (the database work is reactive), and code on a worker thread (signature
 * checks, message parsing) uses no request-scoped bean. So: read the caller's identity (or any request-scoped bean)
 * before hopping to a worker pool ({@code emitOn}, {@code runSubscriptionOn}), never after.
 */
@Singleton
public class NoThreadContextPropagation {
    /** Before anything else observes the start, so no request is served with the decorator. */
    void atStart(@Observes @Priority(1) StartupEvent start) {
        Infrastructure.clearInterceptors();
    }

    /** Whether Mutiny decorates callbacks (for the services' tests). */
    public static boolean isOff() {
        Runnable callback = () -> {};
        return Infrastructure.decorate(callback) == callback;
    }
}
