package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.goldbuying.assay.AveragingPolicy;
import org.goldbuying.assay.FraudCheck;
import org.goldbuying.assay.FraudFlag;
import org.goldbuying.assay.FraudLimits;
import org.goldbuying.assay.ShotAverager;
import org.goldbuying.assay.XrfResult;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.scale.xrf.XrfLineFormat;
import org.goldbuying.scale.xrf.XrfSerialReader;
import org.goldbuying.scale.xrf.XrfShot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XRF line reader against the analyser simulator over a real pseudo-terminal pair (socat). */
class XrfOverPtyTest {
    static final AnalyserId ANALYSER = new AnalyserId("XR-100", "XRF123");

    VirtualSerialPair pair;
    XrfSimulator simulator;
    XrfSerialReader reader;
    final LinkedBlockingQueue<XrfShot> shots = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<XrfException> errors = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || VirtualSerialPair.socatAvailable(), "socat is not installed: apt-get install -y socat");
        pair = VirtualSerialPair.open(Path.of("target", "pty"), "xrf-" + System.nanoTime());
        simulator = new XrfSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.deviceEnd().toString())),
                        ANALYSER)
                .start();
        reader = new XrfSerialReader(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.hostEnd().toString())),
                        XrfLineFormat.defaults(),
                        shots::add,
                        errors::add)
                .start();
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    List<XrfShot> take(int n) throws InterruptedException {
        List<XrfShot> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            XrfShot shot = shots.poll(3, TimeUnit.SECONDS);
            assertThat(shot).as("shot %d of %d", i + 1, n).isNotNull();
            taken.add(shot);
        }
        return taken;
    }

    static Map<Element, BigDecimal> alloy(String au, String ag, String cu) {
        return Map.of(
                Element.AU,
                new BigDecimal(au),
                Element.AG,
                new BigDecimal(ag),
                Element.CU,
                new BigDecimal(cu),
                Element.ZN,
                new BigDecimal("0.035"));
    }

    @Test
    void threeShotsAreAveragedIntoAFineness() throws Exception {
        simulator.sendRaw("Analyser ready\r\n");
        simulator.shoot("S1", alloy("91.70", "4.10", "4.165"));
        simulator.sendRaw("Saved to SD card\r\n");
        simulator.shoot("S2", alloy("91.60", "4.15", "4.215"));
        simulator.shoot("S3", alloy("91.80", "4.05", "4.115"));
        List<XrfShot> three = take(3);
        assertThat(three).extracting(XrfShot::shotId).containsExactly("S1", "S2", "S3");
        assertThat(three.get(0).analyser()).isEqualTo(ANALYSER);
        assertThat(three.get(0).percent(Element.ZN)).isEqualByComparingTo("0.035");
        XrfResult result = ShotAverager.average(three, AveragingPolicy.defaults());
        assertThat(result.finenessPerMille()).isEqualByComparingTo("917.0");
        assertThat(result.karat()).isEqualByComparingTo("22.00");
        assertThat(FraudCheck.check(result, FraudLimits.defaults())).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void cutOffBlockIsReportedAndTheNextShotRead() throws Exception {
        String block = simulator.block("S1", alloy("91.70", "4.10", "4.165"), Set.of(), Duration.ofSeconds(30));
        simulator.sendRaw(block.substring(0, block.indexOf("Cu")));
        simulator.shoot("S2", alloy("91.60", "4.15", "4.215"));
        assertThat(take(1).get(0).shotId()).isEqualTo("S2");
        assertThat(errors.poll(1, TimeUnit.SECONDS).fault()).isEqualTo(XrfFault.INCOMPLETE_RECORD);
    }

    @Test
    void garbledLineRejectsItsShotOnly() throws Exception {
        String block = simulator.block("S1", alloy("91.70", "4.10", "4.165"), Set.of(), Duration.ofSeconds(30));
        simulator.sendRaw(block.replace("Au 91.70", "Au 9#.70"));
        simulator.shoot("S2", alloy("91.60", "4.15", "4.215"));
        assertThat(take(1).get(0).shotId()).isEqualTo("S2");
        assertThat(errors.poll(1, TimeUnit.SECONDS).fault()).isEqualTo(XrfFault.MALFORMED_RECORD);
    }

    @Test
    void leadBelowDetectionAndTungstenFlag() throws Exception {
        Map<Element, BigDecimal> withTungsten = new java.util.EnumMap<>(alloy("91.50", "4.10", "4.10"));
        withTungsten.put(Element.W, new BigDecimal("0.30"));
        simulator.shoot("T1", withTungsten, Set.of(Element.PB), Duration.ofMillis(15_500));
        XrfShot shot = take(1).get(0);
        assertThat(shot.reading(Element.PB).orElseThrow().belowDetection()).isTrue();
        assertThat(shot.measurementTime()).isEqualTo(Duration.ofMillis(15_500));
        XrfResult result = ShotAverager.average(List.of(shot), new AveragingPolicy(1, BigDecimal.ONE));
        assertThat(FraudCheck.check(result, FraudLimits.defaults()))
                .extracting(FraudFlag::kind)
                .containsExactly(FraudFlag.Kind.TUNGSTEN);
    }
}
