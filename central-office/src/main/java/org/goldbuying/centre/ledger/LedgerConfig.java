package org.goldbuying.centre.ledger;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "centre.ledger")
public interface LedgerConfig {
    /** Days of the ledger are the central bank's calendar days. */
    ZoneId timeZone();
}
