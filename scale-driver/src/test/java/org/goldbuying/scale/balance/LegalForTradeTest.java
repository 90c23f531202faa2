package org.goldbuying.scale.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.junit.jupiter.api.Test;

class LegalForTradeTest {
    static RegisteredBalance balance(String e, String d) {
        return new RegisteredBalance(
                "counter-1",
                "B1",
                AccuracyClass.II,
                new BigDecimal("2100"),
                new BigDecimal("0.2"),
                new BigDecimal(e),
                new BigDecimal(d),
                "WM-1",
                LocalDate.of(2027, 12, 31));
    }

    @Test
    void digitsBelowTheVerificationIntervalAreNotLegal() {
        RegisteredBalance eTenTimesD = balance("0.01", "0.001");
        assertThat(LegalForTrade.legalGrams(eTenTimesD, new BigDecimal("12.346")))
                .isEqualTo(new BigDecimal("12.35"));
        assertThat(LegalForTrade.legalGrams(eTenTimesD, new BigDecimal("12.345")))
                .isEqualTo(new BigDecimal("12.34"));
        assertThat(LegalForTrade.legalGrams(balance("0.05", "0.01"), new BigDecimal("7.83")))
                .isEqualTo(new BigDecimal("7.85"));
        assertThat(LegalForTrade.legalGrams(balance("0.01", "0.01"), new BigDecimal("12.34")))
                .isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void expiredOrForeignBalancesAreRefused() {
        RegisteredBalance b = balance("0.01", "0.01");
        assertThatThrownBy(() -> LegalForTrade.checkDevice(b, "B1", LocalDate.of(2028, 1, 1)))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.VERIFICATION_EXPIRED));
        assertThatThrownBy(() -> LegalForTrade.checkDevice(b, "B2", LocalDate.of(2027, 1, 1)))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.IDENTITY_MISMATCH));
        LegalForTrade.checkDevice(b, "B1", LocalDate.of(2027, 12, 31));
    }

    @Test
    void onlyStableFramesWithinMinAndMax() {
        RegisteredBalance b = balance("0.01", "0.01");
        assertThatThrownBy(() -> LegalForTrade.checkFrame(
                        b, new WeightFrame(new BigDecimal("5"), MassUnit.GRAM, false, "S D 5 g")))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.UNSTABLE));
        assertThatThrownBy(() -> LegalForTrade.checkFrame(
                        b, new WeightFrame(new BigDecimal("0.19"), MassUnit.GRAM, true, "S S 0.19 g")))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.BELOW_MIN));
        assertThatThrownBy(() -> LegalForTrade.checkFrame(
                        b, new WeightFrame(new BigDecimal("2100.01"), MassUnit.GRAM, true, "S S 2100.01 g")))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.ABOVE_MAX));
        LegalForTrade.checkFrame(b, new WeightFrame(new BigDecimal("0.20"), MassUnit.GRAM, true, "S S 0.20 g"));
    }

    @Test
    void aLegalFrameIsInGramsAtTheRegisteredResolution() {
        RegisteredBalance b = balance("0.01", "0.01");
        assertThatThrownBy(() -> LegalForTrade.checkFrame(
                        b,
                        new WeightFrame(
                                MassUnit.CARAT.toGrams(new BigDecimal("61.70")), MassUnit.CARAT, true, "S S 61.70 ct")))
                .isInstanceOfSatisfying(ScaleException.class, e -> {
                    assertThat(e.fault()).isEqualTo(ScaleFault.UNIT_MISMATCH);
                    assertThat(e.getMessage()).contains("this frame is in ct");
                });
        // one decimal fewer (another range or setting) or one more (another model) than registered
        for (String shown : new String[] {"12.3", "12.345"}) {
            assertThatThrownBy(() -> LegalForTrade.checkFrame(
                            b, new WeightFrame(new BigDecimal(shown), MassUnit.GRAM, true, "S S " + shown + " g")))
                    .isInstanceOfSatisfying(ScaleException.class, e -> {
                        assertThat(e.fault()).isEqualTo(ScaleFault.RESOLUTION_MISMATCH);
                        assertThat(e.getMessage()).contains("steps of d = 0.01 g");
                    });
        }
        // d = 0.05 g: the last digit steps by 5
        RegisteredBalance coarse = balance("0.05", "0.05");
        assertThatThrownBy(() -> LegalForTrade.checkFrame(
                        coarse, new WeightFrame(new BigDecimal("7.83"), MassUnit.GRAM, true, "7.83 g")))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.RESOLUTION_MISMATCH));
        LegalForTrade.checkFrame(coarse, new WeightFrame(new BigDecimal("7.85"), MassUnit.GRAM, true, "7.85 g"));
        LegalForTrade.checkFrame(b, new WeightFrame(new BigDecimal("12.34"), MassUnit.GRAM, true, "S S 12.34 g"));
    }

    @Test
    void onlyFineBalancesOfClassIOrIiMayWeighGold() {
        LocalDate today = LocalDate.of(2027, 1, 1);
        RegisteredBalance classThree = new RegisteredBalance(
                "counter-1",
                "B1",
                AccuracyClass.III,
                new BigDecimal("2100"),
                new BigDecimal("0.2"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                "WM-1",
                LocalDate.of(2027, 12, 31));
        assertThatThrownBy(() -> LegalForTrade.checkDevice(classThree, "B1", today))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.NOT_FOR_PRECIOUS_METALS));
        assertThatThrownBy(() -> LegalForTrade.checkDevice(balance("0.1", "0.1"), "B1", today))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.NOT_FOR_PRECIOUS_METALS));
    }
}
