package org.goldbuying.station.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SellerCapsTest {
    static final SellerCaps.Caps PANNER =
            new SellerCaps.Caps(Optional.of(new BigDecimal("35")), Optional.of(new BigDecimal("420")));

    static Optional<SellerRefusal> check(String month, String year, String lot) {
        return SellerCaps.check(PANNER, new BigDecimal(month), new BigDecimal(year), new BigDecimal(lot));
    }

    @Test
    void upToTheCapIsAllowed() {
        assertThat(check("0", "0", "35")).isEmpty();
        assertThat(check("30", "400", "5")).isEmpty();
    }

    @Test
    void overTheMonthlyCapIsRefusedWithWhatIsLeft() {
        assertThat(check("30", "100", "5.01")).get().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(SellerRefusal.Reason.CAP_EXCEEDED);
            assertThat(r.message()).contains("cap of 35 g this month").contains("5 g left");
        });
    }

    @Test
    void overTheYearlyCapIsRefused() {
        assertThat(check("0", "419", "2"))
                .get()
                .extracting(SellerRefusal::message)
                .asString()
                .contains("cap of 420 g this year");
    }

    @Test
    void noCapsNoLimit() {
        assertThat(SellerCaps.check(
                        new SellerCaps.Caps(Optional.empty(), Optional.empty()),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("100000")))
                .isEmpty();
    }

    @Test
    void capsCountInTheStationsCalendarMonthAndYear() {
        // 22:30 UTC on 31 March is 01:30 on 1 April in Kampala (UTC+3): April's month, 2026's year
        SellerCaps.Periods periods =
                SellerCaps.periods(Instant.parse("2026-03-31T22:30:00Z"), ZoneId.of("Africa/Kampala"));
        assertThat(periods.monthStart()).isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
        assertThat(periods.yearStart()).isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
        assertThat(periods.end()).isEqualTo(Instant.parse("2026-03-31T22:30:01Z"));
    }
}
