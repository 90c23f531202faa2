package org.goldbuying.station.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.goldbuying.scale.sim.MtSicsSimulator;
import org.goldbuying.scale.sim.VirtualSerialPair;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;

/** A simulated MT-SICS balance on a real pseudo-terminal pair, plugged into the station as its counter balance. */
public class BalanceSimulatorResource implements QuarkusTestResourceLifecycleManager {
    public static final String SERIAL_NUMBER = "B912345678";
    private static VirtualSerialPair pair;
    private static MtSicsSimulator simulator;

    @Override
    public Map<String, String> start() {
        try {
            pair = VirtualSerialPair.open(Path.of("target", "pty"), "balance");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        simulator = new MtSicsSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.deviceEnd().toString())),
                        SERIAL_NUMBER,
                        2)
                .start();
        return Map.of(
                "station.balance.port", pair.hostEnd().toString(), "station.balance.serial-number", SERIAL_NUMBER);
    }

    public static MtSicsSimulator simulator() {
        return simulator;
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
