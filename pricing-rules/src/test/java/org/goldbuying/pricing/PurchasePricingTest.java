package org.goldbuying.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PurchasePricingTest {

    static PriceBasis basis(int exponent, String fx, String discount, String royalty, String fees, String advance) {
        return new PriceBasis(
                new BigDecimal("2650.00"),
                new BigDecimal(fx),
                exponent,
                new BigDecimal(discount),
                new BigDecimal(royalty),
                new BigDecimal(fees),
                new BigDecimal(advance));
    }

    /** The worked example of docs/pricing.md; figures checked independently (Python decimal, same rounding). */
    @Test
    void theWorkedExampleInShillings() {
        PurchaseValue v = PurchasePricing.value(
                new BigDecimal("12.34"), new BigDecimal("915.0"), basis(0, "3700.00", "5", "4", "0", "99"));
        assertThat(v.fineGrams()).isEqualByComparingTo("11.2911");
        assertThat(v.usdPerGram()).isEqualByComparingTo("85.1994784069");
        assertThat(v.localPerFineGram()).isEqualByComparingTo("315238.0701055300");
        assertThat(v.grossValueMinor()).isEqualTo(3_559_385);
        assertThat(v.discountMinor()).isEqualTo(177_969);
        assertThat(v.royaltyMinor()).isEqualTo(142_375);
        assertThat(v.feesMinor()).isZero();
        assertThat(v.netPayableMinor()).isEqualTo(3_239_041);
        assertThat(v.advanceMinor()).isEqualTo(3_206_650);
        assertThat(v.retentionMinor()).isEqualTo(32_391);
    }

    @Test
    void aCurrencyWithCentsIsCountedInCents() {
        PurchaseValue v = PurchasePricing.value(
                new BigDecimal("12.34"), new BigDecimal("915.0"), basis(2, "15.50", "0", "0", "0", "100"));
        assertThat(v.localPerFineGram()).isEqualByComparingTo("1320.5919153070");
        assertThat(v.grossValueMinor()).isEqualTo(1_491_094);
        assertThat(v.netPayableMinor()).isEqualTo(1_491_094);
        assertThat(v.retentionMinor()).isZero();
    }

    @Test
    void impossibleLotsAndPoliciesAreRefused() {
        PriceBasis basis = basis(0, "3700", "0", "0", "0", "99");
        assertThatThrownBy(() -> PurchasePricing.value(BigDecimal.ZERO, new BigDecimal("900"), basis))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchasePricing.value(BigDecimal.TEN, new BigDecimal("1000.1"), basis))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurchasePricing.value(
                        BigDecimal.TEN, new BigDecimal("900"), basis(0, "3700", "60", "50", "0", "99")))
                .hasMessageContaining("deductions");
        assertThatThrownBy(() -> basis(4, "3700", "0", "0", "0", "99")).hasMessageContaining("exponent");
    }

    /** The identities a receipt relies on hold for any lot and any sensible policy (seeded, so reproducible). */
    @Test
    void theTermsAlwaysAddUp() {
        Random random = new Random(20261122);
        for (int i = 0; i < 5000; i++) {
            BigDecimal grossGrams = BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
            BigDecimal fineness = BigDecimal.valueOf(1 + random.nextInt(10_000), 1);
            int exponent = random.nextInt(4);
            PriceBasis basis = new PriceBasis(
                    BigDecimal.valueOf(100_000 + random.nextInt(1_000_000), 2),
                    BigDecimal.valueOf(1 + random.nextInt(500_000), 2),
                    exponent,
                    BigDecimal.valueOf(random.nextInt(2001), 2),
                    BigDecimal.valueOf(random.nextInt(1001), 2),
                    BigDecimal.valueOf(random.nextInt(501), 2),
                    BigDecimal.valueOf(5000 + random.nextInt(5001), 2));
            PurchaseValue v = PurchasePricing.value(grossGrams, fineness, basis);
            assertThat(v.netPayableMinor())
                    .isEqualTo(v.grossValueMinor() - v.discountMinor() - v.royaltyMinor() - v.feesMinor());
            assertThat(v.advanceMinor() + v.retentionMinor()).isEqualTo(v.netPayableMinor());
            assertThat(v.advanceMinor()).isBetween(0L, v.netPayableMinor());
            assertThat(v.fineGrams()).isLessThanOrEqualTo(grossGrams);
        }
    }
}
