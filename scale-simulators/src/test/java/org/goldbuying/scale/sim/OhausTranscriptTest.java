package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Ohaus (Adventurer / Explorer interface commands) against the simulator, as docs/devices/ohaus.md. */
class OhausTranscriptTest extends ProtocolTranscriptContract<OhausSimulator> {
    static final long AT_ONCE = 300;

    @Override
    OhausSimulator newSimulator(SerialLine deviceLine) {
        return new OhausSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new OhausProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.ohaus();
    }

    @Override
    Map<String, String> source() {
        return Map.of("source", "OhausSimulator over a socat pty, 2 decimals; OK! responses off unless turned on");
    }

    @Override
    String overloadFault() {
        return "DEVICE_ERROR";
    }

    @Test
    @Order(10)
    void identification() throws Exception {
        host.openRaw();
        assertThat(ask("PSN\r\n", AT_ONCE)).isEqualTo("SN: " + SERIAL);
        assertThat(ask("PV\r\n", AT_ONCE)).isEqualTo("1.02 1.10");
        assertThat(ask("PU\r\n", AT_ONCE)).isEqualTo("g");
    }

    @Test
    @Order(11)
    void stableWeigh() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("123.456"));
        assertThat(ask("SP\r\n", AT_ONCE)).isEqualTo("     123.46 g");
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("     123.46 g");
        assertThat(ask("P\r\n", AT_ONCE)).isEqualTo("     123.46 g");
    }

    @Test
    @Order(12)
    void unstableThenStable() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("50"), 400);
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("      50.00 g ?");
        Transcript.Reply held = host.send("SP\r\n", 1, 2000).get(0);
        assertThat(held.line()).isEqualTo("      50.00 g");
        assertThat(held.millis()).as("held until stable").isGreaterThanOrEqualTo(250);
        // the balance's own timeout (40 s on an Explorer; shortened here) ends with ES
        simulator.stabilityTimeout(Duration.ofMillis(400));
        simulator.place(new BigDecimal("60"), 60_000);
        Transcript.Reply gaveUp = host.send("SP\r\n", 1, 2000).get(0);
        assertThat(gaveUp.line()).isEqualTo("ES");
        assertThat(gaveUp.millis()).isGreaterThanOrEqualTo(350);
    }

    @Test
    @Order(13)
    void zero() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("5.5"));
        host.write("Z\r\n");
        host.quiet(100);
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("       0.00 g");
        assertThat(ask("1RL\r\n", AT_ONCE)).isEqualTo("OK!");
        simulator.place(new BigDecimal("8"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("OK!");
        simulator.place(new BigDecimal("500"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("ES");
        simulator.place(new BigDecimal("9"), 60_000);
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("ES");
    }

    @Test
    @Order(14)
    void tareMemory() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("100"));
        host.write("T\r\n");
        host.quiet(100);
        assertThat(ask("PT\r\n", AT_ONCE)).isEqualTo("     100.00 g");
        simulator.place(new BigDecimal("130"));
        assertThat(ask("SP\r\n", AT_ONCE)).isEqualTo("      30.00 g");
        host.write("20T\r\n");
        host.quiet(100);
        assertThat(ask("SP\r\n", AT_ONCE)).isEqualTo("     110.00 g");
        // 0T clears the tare
        host.write("0T\r\n");
        host.quiet(100);
        assertThat(ask("PT\r\n", AT_ONCE)).isEqualTo("       0.00 g");
        assertThat(ask("SP\r\n", AT_ONCE)).isEqualTo("     130.00 g");
        assertThat(ask("5000T\r\n", AT_ONCE)).isEqualTo("ES");
    }

    @Test
    @Order(15)
    void outOfRange() throws Exception {
        host.openRaw();
        simulator.overload();
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("ES");
        assertThat(ask("SP\r\n", AT_ONCE)).isEqualTo("ES");
        simulator.clearPan();
        simulator.underload();
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("ES");
    }

    @Test
    @Order(16)
    void cancel() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("10"), 60_000);
        host.write("SP\r\n");
        host.quiet(200);
        host.write("0P\r\n");
        host.quiet(300);
        simulator.place(new BigDecimal("12"));
        List<Transcript.Reply> stream = host.send("CP\r\n", 3, 1000);
        assertThat(stream).extracting(Transcript.Reply::line).containsOnly("      12.00 g");
        host.write("0P\r\n");
        host.drainUntilQuiet(300);
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("      12.00 g");
        host.quiet(300);
    }

    @Test
    @Order(17)
    void invalidCommandsAndStandby() throws Exception {
        host.openRaw();
        assertThat(ask("XYZ\r\n", AT_ONCE)).isEqualTo("ES");
        assertThat(ask("9999P\r\n", AT_ONCE)).isEqualTo("ES");
        host.write("OFF\r\n");
        host.quiet(100);
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("ES");
        host.write("ON\r\n");
        host.quiet(100);
        assertThat(ask("IP\r\n", AT_ONCE)).isEqualTo("       0.00 g");
    }
}
