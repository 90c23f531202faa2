package org.goldbuying.web;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * One clock for the whole service, so tests can reason about time: quotes pin the instant they were made, price
 * validity and ingest times are consistent.
 */
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
