package org.goldbuying.centre.ledger;

import io.smallrye.config.ConfigMapping;
import java.time.ZoneId;

@ConfigMapping(prefix = "centre.ledger")
public interface LedgerConfig {
    /** Days of the ledger are the central bank's calendar days. */
    ZoneId timeZone();
}
