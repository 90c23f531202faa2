package org.goldbuying.station;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** One clock for the whole service, so tests can reason about time and quotes pin the instant they were made. */
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
