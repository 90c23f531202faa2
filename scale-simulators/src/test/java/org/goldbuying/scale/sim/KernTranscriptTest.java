package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.kern.KernProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Kern single-byte remote control (with KCP for the serial number) against the simulator, as docs/devices/kern.md. */
class KernTranscriptTest extends ProtocolTranscriptContract<KernSimulator> {
    static final long AT_ONCE = 300;

    @Override
    KernSimulator newSimulator(SerialLine deviceLine) {
        KernSimulator sim = new KernSimulator(deviceLine, SERIAL, 2);
        sim.kcp(true);
        return sim;
    }

    @Override
    BalanceProtocol protocol() {
        return KernProtocol.withKcpSerialNumber();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.kern();
    }

    @Override
    Map<String, String> source() {
        return Map.of("source", "KernSimulator over a socat pty, 2 decimals, rE Cr single-byte commands and KCP");
    }

    @Override
    String overloadFault() {
        return "DEVICE_ERROR";
    }

    @Test
    @Order(10)
    void identification() throws Exception {
        host.openRaw();
        assertThat(ask("I4\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
        assertThat(ask("@\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
    }

    @Test
    @Order(11)
    void stableWeigh() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("123.456"));
        assertThat(ask("s", AT_ONCE)).isEqualTo("      123.46 g  ");
        assertThat(ask("w", AT_ONCE)).isEqualTo("      123.46 g  ");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     123.46 g");
    }

    @Test
    @Order(12)
    void unstableThenStable() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("50"), 400);
        assertThat(ask("w", AT_ONCE)).isEqualTo("       50.00    ");
        Transcript.Reply held = host.send("s", 1, 2000).get(0);
        assertThat(held.line()).isEqualTo("       50.00 g  ");
        assertThat(held.millis()).as("held until stable").isGreaterThanOrEqualTo(250);
        simulator.stabilityTimeout(Duration.ofMillis(300));
        simulator.place(new BigDecimal("60"), 60_000);
        assertThat(host.send("S\r\n", 1, 2000).get(0).line()).isEqualTo("S I");
    }

    @Test
    @Order(13)
    void zero() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("5.5"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z A");
        assertThat(ask("w", AT_ONCE)).isEqualTo("        0.00 g  ");
        simulator.place(new BigDecimal("500"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z +");
        simulator.taggedFrames(true);
        simulator.place(new BigDecimal("5"));
        host.write("Z");
        host.quiet(100);
        assertThat(ask("W", AT_ONCE)).isEqualTo("ST,GS     0.00G");
    }

    @Test
    @Order(14)
    void tareMemory() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("100"));
        host.write("t");
        host.quiet(100);
        simulator.place(new BigDecimal("130"));
        assertThat(ask("s", AT_ONCE)).isEqualTo("       30.00 g  ");
        assertThat(ask("TA\r\n", AT_ONCE)).isEqualTo("TA A     100.00 g");
        assertThat(ask("TAC\r\n", AT_ONCE)).isEqualTo("TAC A");
        assertThat(ask("s", AT_ONCE)).isEqualTo("      130.00 g  ");
        assertThat(ask("T\r\n", AT_ONCE)).isEqualTo("T S     130.00 g");
        simulator.place(BigDecimal.ZERO);
        assertThat(ask("w", AT_ONCE)).isEqualTo(" -    130.00 g  ");
    }

    @Test
    @Order(15)
    void outOfRange() throws Exception {
        host.openRaw();
        simulator.overload();
        assertThat(ask("s", AT_ONCE)).isEqualTo("           Error");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S +");
        simulator.clearPan();
        simulator.underload();
        assertThat(ask("w", AT_ONCE)).isEqualTo("           Error");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S -");
        simulator.taggedFrames(true);
        assertThat(ask("W", AT_ONCE)).isEqualTo("OL,GS");
    }

    @Test
    @Order(16)
    void cancel() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("10"), 60_000);
        host.write("s");
        host.quiet(200);
        // the next command drops the waiting s: only its own answer comes
        assertThat(ask("w", AT_ONCE)).isEqualTo("       10.00    ");
        host.quiet(300);
        host.write("S\r\n");
        host.quiet(200);
        assertThat(ask("@\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
        host.quiet(300);
    }

    @Test
    @Order(17)
    void invalidCommands() throws Exception {
        host.openRaw();
        assertThat(ask("XYZ\r\n", AT_ONCE)).isEqualTo("ES");
        host.write("x");
        host.quiet(200);
    }
}
