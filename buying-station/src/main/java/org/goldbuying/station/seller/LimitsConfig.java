package org.goldbuying.station.seller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Per-seller-type caps and the calendar they are counted in. */
@ConfigMapping(prefix = "station.limits")
public interface LimitsConfig {
    /** Calendar months and years are the station's, not UTC's. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** Keyed by seller type (INDIVIDUAL, COOPERATIVE, LICENSED_TRADER, PROCESSING_PLANT); a missing type has no cap. */
    Map<String, Cap> caps();

    interface Cap {
        Optional<BigDecimal> monthlyGrams();

        Optional<BigDecimal> yearlyGrams();
    }

    default SellerCaps.Caps capsFor(String sellerType) {
        Cap cap = caps().get(sellerType);
        return cap == null
                ? new SellerCaps.Caps(Optional.empty(), Optional.empty())
                : new SellerCaps.Caps(cap.monthlyGrams(), cap.yearlyGrams());
    }
}
