package org.goldbuying.station.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.goldbuying.scale.sim.VirtualSerialPair;
import org.goldbuying.scale.sim.XrfSimulator;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;

/**
 * A simulated XRF analyser on a real pseudo-terminal pair, plugged into the station as its analyser: shots go over
 * the pty in the station's line format, exactly as a real analyser's would.
 */
public class XrfSimulatorResource implements QuarkusTestResourceLifecycleManager {
    public static final AnalyserId ANALYSER = new AnalyserId("XR-SIM", "XRF0001");
    private static final AtomicLong SHOT = new AtomicLong();
    private static VirtualSerialPair pair;
    private static XrfSimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            pair = VirtualSerialPair.open(Path.of("target", "pty"), "xrf");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        simulator = new XrfSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.deviceEnd().toString())),
                        ANALYSER)
                .start();
        // checked yesterday (valid whatever the station's time zone): the simulator, the analysers of the tests'
        // result blocks and exports; XRF-OLD's check is long overdue
        LocalDate checked = LocalDate.now().minusDays(1);
        return Map.of(
                "station.xrf.port",
                pair.hostEnd().toString(),
                "station.xrf.analysers",
                ANALYSER.serialNumber() + "@" + checked + ",XRF123@" + checked + ",XRF777@" + checked
                        + ",XRF-OLD@2020-01-01");
    }

    public static XrfSimulator simulator() {
        return simulator;
    }

    /** Pulls the trigger once: gold, silver and copper as given (percent), plus any other symbol=percent pairs. */
    public static String shoot(String au, String ag, String cu, String... others) {
        Map<Element, BigDecimal> percents = new EnumMap<>(Element.class);
        percents.put(Element.AU, new BigDecimal(au));
        percents.put(Element.AG, new BigDecimal(ag));
        percents.put(Element.CU, new BigDecimal(cu));
        for (String other : others) {
            String[] pair = other.split("=");
            percents.put(Element.require(pair[0]), new BigDecimal(pair[1]));
        }
        String id = "SIM-" + SHOT.incrementAndGet();
        simulator.shoot(id, percents);
        return id;
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }
}
