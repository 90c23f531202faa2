package org.goldbuying.station.lot;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** When a lot needs a supervisor's approval before it may be paid. Amounts in minor units of the currency. */
@ConfigMapping(prefix = "station.approvals")
public interface ApprovalConfig {
    /** A lot whose net payable is above this needs a supervisor. */
    long largeLotMinor();

    /** Linked transactions (same seller, rolling window) reaching this total need a supervisor and are recorded. */
    long amlThresholdMinor();

    Duration amlWindow();

    /** The amounts of {@link ApprovalRules}. */
    default ApprovalRules.Limits limits() {
        return new ApprovalRules.Limits(largeLotMinor(), amlThresholdMinor());
    }
}
