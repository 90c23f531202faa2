package org.goldbuying.web;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

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
