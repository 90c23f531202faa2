package org.goldbuying.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.ElementReading;
import org.goldbuying.scale.xrf.ManualEntry;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.scale.xrf.XrfShot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Averaging, fineness, manual entry and fraud flags. */
class XrfResultTest {
    static final AnalyserId ANALYSER = new AnalyserId("XR-100", "XRF123");

    static XrfShot shot(String id, String... symbolPercentSigma) {
        Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
        for (String s : symbolPercentSigma) {
            String[] f = s.split(" ");
            Element e = Element.require(f[0]);
            readings.put(
                    e,
                    f[1].equals("<LOD")
                            ? ElementReading.belowDetection(e)
                            : ElementReading.of(e, new BigDecimal(f[1]), f.length > 2 ? new BigDecimal(f[2]) : null));
        }
        return new XrfShot(
                id,
                ANALYSER,
                Instant.parse("2026-11-22T09:15:00Z"),
                Duration.ofSeconds(30),
                readings,
                XrfShot.Source.SERIAL_LINE,
                null,
                null,
                id);
    }

    static final List<XrfShot> GOOD = List.of(
            shot("1", "Au 91.70 0.12", "Ag 4.10 0.06", "Cu 4.20 0.05", "Pb <LOD"),
            shot("2", "Au 91.60 0.12", "Ag 4.15 0.06", "Cu 4.25 0.05", "Pb <LOD"),
            shot("3", "Au 91.80 0.12", "Ag 4.05 0.06", "Cu 4.15 0.05"));

    @Test
    void shotsAreAveragedWithCombinedSigma() {
        XrfResult result = ShotAverager.average(GOOD, AveragingPolicy.defaults());
        assertThat(result.percent(Element.AU)).isEqualByComparingTo("91.7000");
        ElementAverage au = result.composition().get(Element.AU);
        assertThat(au.spread()).isEqualByComparingTo("0.20");
        // sqrt(3 * 0.0144) / 3 = 0.0693
        assertThat(au.sigmaOfMean()).isEqualByComparingTo("0.0693");
        assertThat(result.composition().get(Element.PB).belowDetection()).isTrue();
        assertThat(result.finenessPerMille()).isEqualByComparingTo("917.0");
        assertThat(result.karat()).isEqualByComparingTo("22.00");
        assertThat(result.totalMeasurementTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(result.analysers()).containsExactly(ANALYSER);
        assertThat(FraudCheck.check(result, FraudLimits.defaults())).isEmpty();
    }

    @Test
    void tooFewOrDisagreeingShotsAreRefused() {
        assertThatThrownBy(() -> ShotAverager.average(GOOD.subList(0, 2), AveragingPolicy.defaults()))
                .isInstanceOfSatisfying(
                        XrfException.class, e -> assertThat(e.fault()).isEqualTo(XrfFault.NOT_ENOUGH_SHOTS));
        List<XrfShot> spread = List.of(GOOD.get(0), GOOD.get(1), shot("4", "Au 90.90", "Ag 4.1", "Cu 5.0"));
        assertThatThrownBy(() -> ShotAverager.average(spread, AveragingPolicy.defaults()))
                .isInstanceOfSatisfying(XrfException.class, e -> {
                    assertThat(e.fault()).isEqualTo(XrfFault.RESHOOT_REQUIRED);
                    assertThat(e.clerkMessage()).contains("measure again");
                });
        assertThat(ShotAverager.average(spread, new AveragingPolicy(3, new BigDecimal("1.0")))
                        .percent(Element.AU))
                .isEqualByComparingTo("91.4000");
    }

    @ParameterizedTest
    @CsvSource({
        "91.675, 916.7, 22.00",
        "99.99, 999.9, 23.99",
        "75.0, 750.0, 18.00",
        "58.49, 584.9, 14.03",
        "99.999, 999.9, 23.99",
        "41.6666, 416.6, 9.99"
    })
    void finenessAndKaratAreTruncated(String percent, String perMille, String karat) {
        assertThat(Fineness.perMille(new BigDecimal(percent))).isEqualByComparingTo(perMille);
        assertThat(Fineness.karat(new BigDecimal(percent))).isEqualByComparingTo(karat);
    }

    @Test
    void manualEntryIsFlaggedAndNeedsAnotherPersonsApproval() {
        XrfShot manual = ManualEntry.enter(
                "clerk-anna",
                ANALYSER,
                Instant.parse("2026-11-22T10:00:00Z"),
                Duration.ofSeconds(30),
                Map.of("Au", "91,7", "Ag", "4.1", "Cu", "4.2", "Pb", "<LOD"));
        assertThat(manual.manual()).isTrue();
        assertThat(manual.percent(Element.AU)).isEqualByComparingTo("91.7");
        XrfResult result = ShotAverager.average(List.of(GOOD.get(0), GOOD.get(1), manual), AveragingPolicy.defaults());
        assertThat(result.needsSupervisorApproval()).isTrue();
        assertThatThrownBy(() -> ManualEntry.approve(manual, "clerk-anna"))
                .isInstanceOfSatisfying(
                        XrfException.class, e -> assertThat(e.fault()).isEqualTo(XrfFault.INVALID_ENTRY));
        XrfShot approved = ManualEntry.approve(manual, "supervisor-ben");
        XrfResult approvedResult =
                ShotAverager.average(List.of(GOOD.get(0), GOOD.get(1), approved), AveragingPolicy.defaults());
        assertThat(approvedResult.needsSupervisorApproval()).isFalse();
        assertThat(approvedResult.includesManualEntry()).isTrue();
        for (Map<String, String> bad :
                List.of(Map.of("Au", "917"), Map.of("Au", "abc"), Map.of("Qq", "1"), Map.<String, String>of())) {
            assertThatThrownBy(() -> ManualEntry.enter("clerk-anna", ANALYSER, Instant.EPOCH, Duration.ZERO, bad))
                    .isInstanceOfSatisfying(
                            XrfException.class, e -> assertThat(e.fault()).isEqualTo(XrfFault.INVALID_ENTRY));
        }
    }

    @Test
    void fraudFlagsForTungstenLeadIronAndSum() {
        // One shot on a spot over a tungsten insert must not be averaged away.
        List<XrfShot> tungsten = List.of(GOOD.get(0), GOOD.get(1), shot("5", "Au 91.6", "Ag 4.1", "Cu 4.2", "W 0.3"));
        XrfResult result = ShotAverager.average(tungsten, AveragingPolicy.defaults());
        assertThat(result.percent(Element.W)).isEqualByComparingTo("0.1000");
        assertThat(FraudCheck.check(result, FraudLimits.defaults()))
                .extracting(FraudFlag::kind)
                .containsExactly(FraudFlag.Kind.TUNGSTEN);
        assertThat(FraudCheck.check(result, FraudLimits.defaults()).get(0).reason())
                .contains("shot 5");

        XrfResult leadIron = ShotAverager.average(
                List.of(shot("6", "Au 90", "Pb 0.4", "Fe 0.5", "Cu 9.1")), new AveragingPolicy(1, BigDecimal.ONE));
        assertThat(FraudCheck.check(leadIron, FraudLimits.defaults()))
                .extracting(FraudFlag::kind)
                .containsExactly(FraudFlag.Kind.LEAD, FraudFlag.Kind.IRON);

        XrfResult shortSum =
                ShotAverager.average(List.of(shot("7", "Au 80", "Ag 10")), new AveragingPolicy(1, BigDecimal.ONE));
        assertThat(FraudCheck.check(shortSum, FraudLimits.defaults()))
                .extracting(FraudFlag::kind)
                .containsExactly(FraudFlag.Kind.COMPOSITION_SUM);
    }
}
