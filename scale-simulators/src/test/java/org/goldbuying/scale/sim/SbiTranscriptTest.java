package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.sbi.SbiProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Sartorius SBI against the simulator, as docs/devices/sbi.md. Zero and tare commands have no reply in SBI. */
class SbiTranscriptTest extends ProtocolTranscriptContract<SbiSimulator> {
    static final long AT_ONCE = 300;
    static final String ESC = "\u001b";

    @Override
    SbiSimulator newSimulator(SerialLine deviceLine) {
        return new SbiSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new SbiProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.sbi();
    }

    @Override
    Map<String, String> source() {
        return Map.of("source", "SbiSimulator over a socat pty, 2 decimals, print without stability, 16 characters");
    }

    @Test
    @Order(10)
    void identification() throws Exception {
        host.openRaw();
        assertThat(ask(ESC + "x1_\r\n", AT_ONCE)).isEqualTo("SECURA225D-1S ");
        assertThat(ask(ESC + "x2_\r\n", AT_ONCE)).isEqualTo("    " + SERIAL);
        assertThat(ask(ESC + "x3_\r\n", AT_ONCE)).isEqualTo("00-40-08      ");
    }

    @Test
    @Order(11)
    void stableWeigh() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("123.456"));
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+   123.46 g  ");
        // CR LF after a command is optional
        assertThat(ask(ESC + "P", AT_ONCE)).isEqualTo("+   123.46 g  ");
        simulator.longFrames(true);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("N     +   123.46 g  ");
    }

    @Test
    @Order(12)
    void unstableThenStable() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("50"), 400);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+    50.00    ");
        simulator.printAfterStability(true);
        Transcript.Reply held = host.send(ESC + "P\r\n", 1, 2000).get(0);
        assertThat(held.line()).isEqualTo("+    50.00 g  ");
        assertThat(held.millis()).as("held until stable").isGreaterThanOrEqualTo(200);
    }

    @Test
    @Order(13)
    void zero() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("5.5"));
        host.write(ESC + "V\r\n");
        host.quiet(100);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+     0.00 g  ");
        // beyond the zero range ESC V does nothing; ESC T (the TARE key) tares instead
        simulator.place(new BigDecimal("505.5"));
        host.write(ESC + "V\r\n");
        host.quiet(100);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+   500.00 g  ");
        host.write(ESC + "T\r\n");
        host.quiet(100);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+     0.00 g  ");
    }

    @Test
    @Order(14)
    void tareAndClearTare() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("100"));
        host.write(ESC + "U\r\n");
        host.quiet(100);
        simulator.place(new BigDecimal("130"));
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+    30.00 g  ");
        simulator.place(BigDecimal.ZERO);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("-   100.00 g  ");
        // taring the empty pan clears the tare memory
        host.write(ESC + "f4_\r\n");
        host.quiet(100);
        simulator.place(new BigDecimal("130"));
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+   130.00 g  ");
        // while the load moves, taring is not done
        simulator.place(new BigDecimal("40"), 60_000);
        host.write(ESC + "U\r\n");
        host.quiet(100);
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("+    40.00    ");
    }

    @Test
    @Order(15)
    void outOfRange() throws Exception {
        host.openRaw();
        simulator.overload();
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("        H     ");
        simulator.clearPan();
        simulator.underload();
        assertThat(ask(ESC + "P\r\n", AT_ONCE)).isEqualTo("        L     ");
    }

    @Test
    @Order(16)
    void cancelAndAutoPrint() throws Exception {
        host.openRaw();
        simulator.printAfterStability(true);
        simulator.place(new BigDecimal("10"), 60_000);
        host.write(ESC + "P\r\n");
        host.quiet(200);
        host.write(ESC + "s3_\r\n");
        host.quiet(300);
        simulator.printAfterStability(false);
        simulator.autoPrint(true);
        simulator.place(new BigDecimal("12"));
        List<Transcript.Reply> stream = host.send(ESC + "P\r\n", 3, 1000);
        assertThat(stream).extracting(Transcript.Reply::line).containsOnly("+    12.00 g  ");
        host.write(ESC + "P\r\n");
        host.drainUntilQuiet(300);
        host.write(ESC + "Q\r\n");
        host.quiet(400);
        assertThat(simulator.beeps()).isEqualTo(1);
    }

    @Test
    @Order(17)
    void invalidCommandsAreIgnored() throws Exception {
        host.openRaw();
        host.write(ESC + "X\r\n");
        host.quiet(200);
        host.write("P\r\n");
        host.quiet(200);
        host.write(ESC + "O\r\n");
        host.quiet(100);
        assertThat(simulator.keysBlocked()).isTrue();
        host.write(ESC + "R\r\n");
        host.quiet(100);
        assertThat(simulator.keysBlocked()).isFalse();
    }
}
