package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.time.Duration;
import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Ohaus balance with the Adventurer / Explorer interface command list (commands, replies and sources
 * in {@code docs/devices/ohaus.md}). In short:
 * <ul>
 *   <li>{@code IP} prints the display at once ({@code ?} after the unit while it moves); {@code P} likewise,
 *       or only stable weights after {@code 1S}; {@code SP} prints on stability, answering {@code ES} when the
 *       load has not settled within 40 s (the balance's own timeout); {@code CP} prints continuously,
 *       {@code xP} every x seconds, {@code 0P} ends any of them and a pending {@code SP}.</li>
 *   <li>{@code Z} and {@code T} are the Zero and Tare keys; {@code xT} presets the tare in the displayed unit,
 *       {@code 0T} clears it; {@code PT} prints the tare memory.</li>
 *   <li>{@code PSN}, {@code PV}, {@code PU} print the serial number, versions and unit; {@code ON} / {@code OFF}
 *       leave and enter standby; {@code 1RL} makes the balance answer {@code OK!} to commands that print
 *       nothing ({@code 0RL}, the default, keeps it silent).</li>
 *   <li>Anything else, and out-of-range or standby prints: {@code ES}.</li>
 * </ul>
 */
public final class OhausSimulator extends BalanceSimulator {
    private volatile boolean stableOnlyPrint;
    private volatile boolean okResponse;
    private volatile boolean standby;

    public OhausSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
        stabilityTimeout(Duration.ofSeconds(40));
    }

    @Override
    public OhausSimulator start() {
        super.start();
        return this;
    }

    public boolean standby() {
        return standby;
    }

    @Override
    protected void onCommandLine(String command) {
        if (command.matches("[0-9]{1,4}P")) {
            intervalPrint(Integer.parseInt(command.substring(0, command.length() - 1)));
            return;
        }
        if (command.matches("-?[0-9]+(\\.[0-9]+)?T")) {
            tareCommand(new BigDecimal(command.substring(0, command.length() - 1)));
            return;
        }
        if (command.matches("[01]S")) {
            stableOnlyPrint = command.startsWith("1");
            ok();
            return;
        }
        if (command.matches("[01]RL")) {
            okResponse = command.startsWith("1");
            ok();
            return;
        }
        switch (command) {
            case OhausProtocol.IMMEDIATE_PRINT -> reply(weightLine());
            case OhausProtocol.PRINT -> {
                if (stableOnlyPrint) {
                    stablePrint();
                } else {
                    reply(weightLine());
                }
            }
            case OhausProtocol.STABLE_PRINT -> stablePrint();
            case OhausProtocol.CONTINUOUS_PRINT -> repeat(200, this::weightLine);
            case OhausProtocol.ZERO -> zeroKey();
            case OhausProtocol.TARE -> tareKey();
            case "PT" -> reply(standby ? "ES" : line(tare(), true));
            case OhausProtocol.DEFAULT_SERIAL_NUMBER -> reply("SN: " + serialNumber());
            case "PV" -> reply("1.02 1.10");
            case "PU" -> reply(unit());
            case "ON" -> {
                standby = false;
                ok();
            }
            case "OFF" -> {
                standby = true;
                cancelHeld();
                stopRepeating();
                ok();
            }
            default -> reply("ES");
        }
    }

    private void stablePrint() {
        if (heldRequest()) {
            return;
        }
        holdUntilStable(stabilityTimeoutMillis(), this::weightLine, () -> "ES");
    }

    /** xP: every x seconds; 0P ends interval, continuous and on-stability printing. */
    private void intervalPrint(int seconds) {
        cancelHeld();
        stopRepeating();
        if (seconds > 3600) {
            reply("ES");
            return;
        }
        if (seconds > 0) {
            repeat(seconds * 1000L, this::weightLine);
        }
        ok();
    }

    private void zeroKey() {
        if (standby || !stable() || !withinZeroRange()) {
            reply("ES");
            return;
        }
        setZero();
        ok();
    }

    private void tareKey() {
        if (standby || !stable() || gross().signum() < 0) {
            reply("ES");
            return;
        }
        setTareToGross();
        ok();
    }

    private void tareCommand(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(capacityGrams()) > 0) {
            reply("ES");
            return;
        }
        super.presetTare(value);
        ok();
    }

    private void ok() {
        if (okResponse) {
            reply("OK!");
        }
    }

    private String weightLine() {
        if (standby || overloaded() || underloaded()) {
            return "ES";
        }
        return line(net(), stable());
    }

    private String line(BigDecimal value, boolean stable) {
        return String.format("%11s %s%s", value.toPlainString(), unit(), stable ? "" : " ?");
    }
}
