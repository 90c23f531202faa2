package org.goldbuying.station.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.goldbuying.assay.AveragingPolicy;
import org.goldbuying.assay.FraudLimits;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.PurchaseEvent.AssayMethod;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.ElementReading;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.ApprovalReason;
import org.goldbuying.station.lot.ApprovalRules;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotWeighing;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.SamplePriceTerms;
import org.junit.jupiter.api.Test;

/** What a lot's shots come to, decided without Quarkus, a database or a clock: the lot, the shots, a tick, a policy. */
class AssayDecisionTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:15:00Z");
    static final AssayDecision.Policy POLICY = new AssayDecision.Policy(
            new AveragingPolicy(3, new BigDecimal("0.5")),
            FraudLimits.defaults(),
            new ApprovalRules.Limits(20_000_000, 50_000_000));
    static final PriceTerms TERMS = SamplePriceTerms.at(NOW);
    static final AssayDecision.Market PRICED =
            new AssayDecision.Market(Optional.of(new HeldTick(7, false, null, TERMS)), 0, NOW);
    static final AssayDecision.Market NO_PRICE = new AssayDecision.Market(Optional.empty(), 0, NOW);

    static Lot lot(String grams) {
        return Lot.forXrf(
                UUID.randomUUID(),
                new Lot.LotSeller(UUID.randomUUID().toString(), PurchaseEvent.SellerType.INDIVIDUAL, UUID.randomUUID()),
                LotWeighing.typed(new BigDecimal(grams), "reserve balance, main one broken", NOW),
                "clerk",
                NOW);
    }

    static XrfShotRecord shot(String id, String au, String ag, XrfShot.Source source) {
        Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
        readings.put(Element.AU, ElementReading.of(Element.AU, new BigDecimal(au), new BigDecimal("0.1")));
        readings.put(Element.AG, ElementReading.of(Element.AG, new BigDecimal(ag), new BigDecimal("0.1")));
        XrfShot shot = new XrfShot(
                id,
                new AnalyserId("Niton XL5", "SN-1"),
                NOW.minusSeconds(30),
                Duration.ofSeconds(10),
                readings,
                source,
                source == XrfShot.Source.MANUAL_ENTRY ? "clerk" : null,
                null,
                "raw " + id);
        ShotOrigin origin = source == XrfShot.Source.SERIAL_LINE ? ShotOrigin.SERIAL_LINE : ShotOrigin.api("clerk");
        return ShotCodec.toRecord(shot, UUID.randomUUID(), origin, NOW);
    }

    static List<XrfShotRecord> shots(String... au) {
        List<XrfShotRecord> all = new ArrayList<>();
        for (int i = 0; i < au.length; i++) {
            String gold = au[i];
            all.add(shot(
                    "S" + i,
                    gold,
                    new BigDecimal("100").subtract(new BigDecimal(gold)).toPlainString(),
                    XrfShot.Source.SERIAL_LINE));
        }
        return all;
    }

    @Test
    void fewerShotsThanThePolicyAsksForWait() {
        AssayOutcome outcome = AssayDecision.decide(lot("10"), shots("91.5", "91.6"), PRICED, POLICY);
        assertThat(outcome)
                .isEqualTo(new AssayOutcome.Waiting("Shot 2 of 3 received. Take the next shot on a clean spot."));
    }

    @Test
    void agreeingShotsAreQuotedAgainstTheHeldTickWithTheApprovalsTheLotNeeds() {
        AssayOutcome outcome = AssayDecision.decide(lot("10"), shots("91.5", "91.6", "91.4"), PRICED, POLICY);
        assertThat(outcome).isInstanceOf(AssayOutcome.Quoted.class);
        AssayOutcome.Quoted quoted = (AssayOutcome.Quoted) outcome;
        assertThat(quoted.measured().finenessPerMille()).isEqualByComparingTo("915");
        assertThat(quoted.measured().method()).isEqualTo(AssayMethod.XRF);
        assertThat(quoted.quote().tickSequence()).isEqualTo(7);
        assertThat(quoted.quote().grossGrams()).isEqualByComparingTo("10");
        // the weight was typed by hand: that needs a supervisor whatever the value
        assertThat(quoted.approvals()).containsExactly(ApprovalReason.TYPED_WEIGHT);
    }

    @Test
    void aQuoteAppliedMovesTheLotToQuoted() {
        Lot lot = lot("10");
        AssayDecision.decide(lot, shots("91.5", "91.6", "91.4"), PRICED, POLICY).applyTo(lot);
        assertThat(lot.status()).isEqualTo(LotStatus.QUOTED);
        assertThat(lot.assay().note()).isNull();
        assertThat(lot.approval().reasons()).containsExactly(ApprovalReason.TYPED_WEIGHT);
    }

    @Test
    void aManualEntryMakesTheAssayManualAndNeedsASupervisor() {
        List<XrfShotRecord> all = shots("91.5", "91.6");
        all.add(shot("M1", "91.5", "8.5", XrfShot.Source.MANUAL_ENTRY));
        AssayOutcome.Quoted quoted = (AssayOutcome.Quoted) AssayDecision.decide(lot("10"), all, PRICED, POLICY);
        assertThat(quoted.measured().method()).isEqualTo(AssayMethod.MANUAL);
        assertThat(quoted.approvals()).containsExactly(ApprovalReason.MANUAL_ASSAY, ApprovalReason.TYPED_WEIGHT);
    }

    @Test
    void aShotNotFromTheAnalysersLineNeedsASupervisorAlsoAfterARequote() {
        List<XrfShotRecord> all = shots("91.5", "91.6");
        all.add(shot("C1", "91.5", "8.5", XrfShot.Source.CSV_IMPORT));
        Lot lot = lot("10");
        AssayOutcome.Quoted quoted = (AssayOutcome.Quoted) AssayDecision.decide(lot, all, PRICED, POLICY);
        assertThat(quoted.measured().method()).isEqualTo(AssayMethod.XRF);
        assertThat(quoted.measured().offLine()).isTrue();
        assertThat(quoted.approvals()).containsExactly(ApprovalReason.TYPED_WEIGHT, ApprovalReason.OFF_LINE_ASSAY);
        quoted.applyTo(lot);
        // a requote asks the lot what concerns it: the shots' origin is remembered with the assay
        assertThat(lot.concerns()).contains(ApprovalReason.OFF_LINE_ASSAY);
        assertThat(all.get(2).enteredBy).isEqualTo("clerk");
    }

    @Test
    void shotsThatDisagreeAreDiscardedAndTheClerkReShoots() {
        List<XrfShotRecord> all = shots("91.5", "85.0", "91.4");
        AssayOutcome outcome = AssayDecision.decide(lot("10"), all, PRICED, POLICY);
        assertThat(outcome).isInstanceOf(AssayOutcome.Reshoot.class);
        AssayOutcome.Reshoot reshoot = (AssayOutcome.Reshoot) outcome;
        assertThat(reshoot.discard()).containsExactlyElementsOf(all);
        assertThat(reshoot.note()).startsWith("Re-shoot: ").endsWith("Take 3 new shots.");
        Lot lot = lot("10");
        // none was stored yet (no id), so none needs an update; all are marked discarded
        assertThat(outcome.applyTo(lot)).isEmpty();
        assertThat(all).allMatch(r -> r.discarded);
        assertThat(AssayDecision.decide(lot, all, PRICED, POLICY)).isInstanceOf(AssayOutcome.Waiting.class);
    }

    @Test
    void leadInTheCompositionHoldsTheLotWithoutAQuote() {
        List<XrfShotRecord> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
            readings.put(Element.AU, ElementReading.of(Element.AU, new BigDecimal("90.0"), null));
            readings.put(Element.AG, ElementReading.of(Element.AG, new BigDecimal("8.0"), null));
            readings.put(Element.PB, ElementReading.of(Element.PB, new BigDecimal("2.0"), null));
            all.add(ShotCodec.toRecord(
                    new XrfShot(
                            "P" + i,
                            new AnalyserId("Niton XL5", "SN-1"),
                            NOW,
                            Duration.ofSeconds(10),
                            readings,
                            XrfShot.Source.SERIAL_LINE,
                            null,
                            null,
                            "raw"),
                    UUID.randomUUID(),
                    ShotOrigin.SERIAL_LINE,
                    NOW));
        }
        Lot lot = lot("10");
        AssayOutcome outcome = AssayDecision.decide(lot, all, PRICED, POLICY);
        assertThat(outcome).isInstanceOf(AssayOutcome.Flagged.class);
        outcome.applyTo(lot);
        assertThat(lot.status()).isEqualTo(LotStatus.ASSAYING);
        assertThat(lot.assay().held()).isTrue();
        assertThat(lot.assay().flags()).contains("Pb");
        assertThatThrownBy(lot::requireTakesShots)
                .isInstanceOf(StationException.class)
                .extracting(e -> ((StationException) e).error())
                .isEqualTo(StationError.WRONG_STATE);
    }

    @Test
    void withoutAPriceTheAssayIsCompleteButNotQuoted() {
        Lot lot = lot("10");
        AssayOutcome outcome = AssayDecision.decide(lot, shots("91.5", "91.6", "91.4"), NO_PRICE, POLICY);
        assertThat(outcome).isInstanceOf(AssayOutcome.Unquoted.class);
        outcome.applyTo(lot);
        assertThat(lot.status()).isEqualTo(LotStatus.ASSAYING);
        assertThat(lot.assay().finenessPerMille()).isEqualByComparingTo("915");
        assertThat(lot.assay().note()).startsWith("Assay complete (915").contains("but no quote");
    }

    @Test
    void noGoldIsNotQuoted() {
        AssayOutcome outcome = AssayDecision.decide(lot("10"), shots("0", "0", "0"), PRICED, POLICY);
        assertThat(outcome).isInstanceOf(AssayOutcome.Unquoted.class);
        assertThat(((AssayOutcome.Unquoted) outcome).note()).startsWith("The shots found no gold.");
    }
}
