package org.goldbuying.scale.balance;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Source of increasing reading ids for the audit trail. The default starts from the wall clock in
 * microseconds so that ids keep increasing across restarts of the process without any storage.
 */
@FunctionalInterface
public interface ReadingIds {
    long next();

    static ReadingIds fromClock() {
        AtomicLong last = new AtomicLong(System.currentTimeMillis() * 1000);
        return last::incrementAndGet;
    }
}
