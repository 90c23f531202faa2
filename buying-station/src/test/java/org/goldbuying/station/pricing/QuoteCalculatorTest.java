package org.goldbuying.station.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteCalculatorTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:15:00Z");

    static PriceTerms terms(String currency, int exponent, String fx, String discount, String royalty, String fees) {
        return new PriceTerms(
                7,
                NOW.minusSeconds(60),
                NOW.plusSeconds(3600),
                new BigDecimal("2650.00"),
                currency,
                exponent,
                new BigDecimal(fx),
                new BigDecimal(discount),
                new BigDecimal(royalty),
                new BigDecimal(fees),
                new BigDecimal("99"),
                Duration.ofHours(24),
                Duration.ofMinutes(2));
    }

    /** Figures checked independently (Python decimal, same rounding rules). */
    @Test
    void everyTermOfAShillingQuote() {
        Quote q = QuoteCalculator.quote(
                new BigDecimal("12.34"), new BigDecimal("915.0"), terms("UGX", 0, "3700.00", "5", "4", "0"), NOW);
        assertThat(q.fineGrams()).isEqualByComparingTo("11.2911");
        assertThat(q.spotUsdPerGram()).isEqualByComparingTo("85.1994784069");
        assertThat(q.localPerFineGram()).isEqualByComparingTo("315238.0701055300");
        assertThat(q.grossValueMinor()).isEqualTo(3_559_385);
        assertThat(q.discountMinor()).isEqualTo(177_969);
        assertThat(q.royaltyMinor()).isEqualTo(142_375);
        assertThat(q.feesMinor()).isZero();
        assertThat(q.netPayableMinor()).isEqualTo(3_239_041);
        assertThat(q.advanceMinor()).isEqualTo(3_206_650);
        assertThat(q.retentionMinor()).isEqualTo(32_391);
        assertThat(q.advanceMinor() + q.retentionMinor()).isEqualTo(q.netPayableMinor());
        assertThat(q.lockedUntil()).isEqualTo(NOW.plusSeconds(120));
        assertThat(q.tickSequence()).isEqualTo(7);
    }

    @Test
    void aCurrencyWithCentsIsCountedInCents() {
        Quote q = QuoteCalculator.quote(
                new BigDecimal("12.34"), new BigDecimal("915.0"), terms("GHS", 2, "15.50", "0", "0", "0"), NOW);
        assertThat(q.localPerFineGram()).isEqualByComparingTo("1320.5919153070");
        assertThat(q.grossValueMinor()).isEqualTo(1_491_094);
        assertThat(q.netPayableMinor()).isEqualTo(1_491_094);
    }

    @Test
    void impossibleLotsAreRefused() {
        PriceTerms t = terms("UGX", 0, "3700", "0", "0", "0");
        assertThatThrownBy(() -> QuoteCalculator.quote(BigDecimal.ZERO, new BigDecimal("900"), t, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuoteCalculator.quote(BigDecimal.TEN, new BigDecimal("1000.1"), t, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuoteCalculator.quote(
                        BigDecimal.TEN, new BigDecimal("900"), terms("UGX", 0, "3700", "60", "50", "0"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deductions");
    }
}
