package org.goldbuying.centre.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.goldbuying.pricing.PriceBasis;
import org.junit.jupiter.api.Test;

class BuyingPriceTest {
    /** The policy of docs/pricing.md's worked example: spot 2650.00, FX 3700 UGX/USD, discount 5 %, royalty 4 %. */
    static final PriceBasis UGX = BuyingPrice.terms(
            new BigDecimal("2650.00"),
            new BigDecimal("3700.00"),
            0,
            new BigDecimal("5"),
            new BigDecimal("4"),
            BigDecimal.ZERO);

    static long net(String grams, String perMille, PriceBasis terms) {
        return BuyingPrice.netPayableMinor(new BigDecimal(grams), new BigDecimal(perMille), terms);
    }

    @Test
    void theDocumentedWorkedExampleGivesTheStationsFigure() {
        assertThat(BuyingPrice.localPerFineGram(UGX)).isEqualByComparingTo("315238.0701055300");
        // 12.34 g at 915.0: the quote in docs/pricing.md and buying-station's QuoteCalculatorTest
        assertThat(net("12.34", "915.0", UGX)).isEqualTo(3_239_041L);
    }

    @Test
    void perGramOfEachPurityIsWhatAOneGramLotIsPaid() {
        // gross 315,238; discount 15,762 (15,761.90); royalty 12,610 (12,609.52)
        assertThat(net("1", "1000", UGX)).isEqualTo(286_866L);
        assertThat(net("1", "999", UGX)).isEqualTo(286_580L);
        assertThat(net("1", "916", UGX)).isEqualTo(262_770L);
        // 236,428.55 rounds half-even to 236,429
        assertThat(net("1", "750", UGX)).isEqualTo(215_151L);
        assertThat(net("4.6", "1000", UGX)).isEqualTo(1_319_586L);
        assertThat(net("0.575", "1000", UGX)).isEqualTo(164_949L);
    }

    @Test
    void currenciesWithMinorUnitsKeepTheirDecimals() {
        PriceBasis ghs = BuyingPrice.terms(
                new BigDecimal("2650.00"),
                new BigDecimal("15.4321"),
                2,
                new BigDecimal("2.5"),
                new BigDecimal("3"),
                new BigDecimal("0.75"));
        // 85.1994784069 USD/g x 15.4321 = 1314.8068707231 GHS/g; gross 131481 pesewas; 3287 + 3944 + 986 deducted
        assertThat(BuyingPrice.localPerFineGram(ghs)).isEqualByComparingTo("1314.8068707231");
        assertThat(net("1", "1000", ghs)).isEqualTo(131_481L - 3_287L - 3_944L - 986L);
        assertThat(BuyingPrice.decimal(123264L, 2)).isEqualTo("1232.64");
        assertThat(BuyingPrice.decimal(286866L, 0)).isEqualTo("286866");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> net("0", "1000", UGX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net("1", "1000.1", UGX)).isInstanceOf(IllegalArgumentException.class);
        PriceBasis greedy = BuyingPrice.terms(
                new BigDecimal("2650"),
                new BigDecimal("3700"),
                0,
                new BigDecimal("60"),
                new BigDecimal("50"),
                BigDecimal.ZERO);
        assertThatThrownBy(() -> net("1", "1000", greedy)).hasMessageContaining("deductions exceed");
    }
}
