package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a typed price must be before anyone may approve it (plain Java, no Quarkus). */
class ManualPriceRulesTest {
    static PriceApprovals.ManualPrice price(String spot, String note) {
        return new PriceApprovals.ManualPrice(spot == null ? null : new BigDecimal(spot), note);
    }

    @Test
    void aPositivePriceWithANoteIsAcceptable() {
        assertThat(PriceApprovals.problems(price("2650.00", "LBMA PM by phone")))
                .isEmpty();
        assertThat(PriceApprovals.problems(price("0.000001", "n"))).isEmpty();
        assertThat(PriceApprovals.problems(price("1000000", "n"))).isEmpty();
    }

    @Test
    void nonsenseIsRefusedWithWhatItWas() {
        assertThat(PriceApprovals.problems(price("0", "n")))
                .containsExactly("spotUsdPerTroyOunce must be above 0 and at most 1000000 USD per troy ounce (was 0).");
        assertThat(PriceApprovals.problems(price("-2650", "n"))).hasSize(1);
        assertThat(PriceApprovals.problems(price("1000000.01", "n"))).hasSize(1);
        assertThat(PriceApprovals.problems(price("2650.0000001", "n")))
                .containsExactly("spotUsdPerTroyOunce may have at most 6 decimals (was 2650.0000001).");
        assertThat(PriceApprovals.problems(price(null, " ")))
                .containsExactly(
                        "spotUsdPerTroyOunce is missing.",
                        "note is missing: say where the price comes from (it is kept in the audit trail).");
        assertThat(PriceApprovals.problems(price("2650", "n".repeat(501))))
                .containsExactly("note may have at most 500 characters.");
    }

    @Test
    void aSpotReadBackFromTheDatabaseIsShownAsTyped() {
        assertThat(PublicationRound.tidy(new BigDecimal("2650.000000")).toPlainString())
                .isEqualTo("2650.00");
        assertThat(PublicationRound.tidy(new BigDecimal("2650.125000")).toPlainString())
                .isEqualTo("2650.125");
        assertThat(PublicationRound.tidy(new BigDecimal("3000.000000")).toPlainString())
                .isEqualTo("3000.00");
    }
}
