package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A&D (FX-i / GX command set) against the simulator, as docs/devices/and.md. */
class AndTranscriptTest extends ProtocolTranscriptContract<AndSimulator> {
    static final long AT_ONCE = 300;
    static final String ACK = AndProtocol.ACK;

    @Override
    AndSimulator newSimulator(SerialLine deviceLine) {
        return new AndSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new AndProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.and();
    }

    @Override
    Map<String, String> source() {
        return Map.of(
                "source",
                "AndSimulator over a socat pty, 2 decimals; AK/error codes off except where a"
                        + " scenario turns them on");
    }

    @Test
    @Order(10)
    void identification() throws Exception {
        host.openRaw();
        assertThat(ask("?SN\r\n", AT_ONCE)).isEqualTo("SN," + SERIAL);
        assertThat(ask("?TN\r\n", AT_ONCE)).isEqualTo("TN,  GX-224A");
        assertThat(ask("?ID\r\n", AT_ONCE)).isEqualTo("ID,LAB-01");
    }

    @Test
    @Order(11)
    void stableWeigh() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("123.456"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("ST,+00123.46  g");
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("ST,+00123.46  g");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("ST,+00123.46  g");
    }

    @Test
    @Order(12)
    void unstableThenStable() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("50"), 400);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("US,+00050.00  g");
        Transcript.Reply held = host.send("S\r\n", 1, 2000).get(0);
        assertThat(held.line()).isEqualTo("ST,+00050.00  g");
        assertThat(held.millis()).as("held until stable").isGreaterThanOrEqualTo(250);
    }

    @Test
    @Order(13)
    void zero() throws Exception {
        host.openRaw();
        simulator.acknowledge(true);
        simulator.place(new BigDecimal("5.5"));
        List<Transcript.Reply> acks = host.send("R\r\n", 2, AT_ONCE);
        assertThat(acks).extracting(Transcript.Reply::line).containsExactly(ACK, ACK);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("ST,+00000.00  g");
        // a moving load is zeroed once it settles: the second acknowledgement waits for it
        simulator.place(new BigDecimal("8"), 300);
        List<Transcript.Reply> held = host.send("Z\r\n", 2, 2000);
        assertThat(held.get(1).millis()).isGreaterThanOrEqualTo(200);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("ST,+00000.00  g");
        simulator.acknowledge(false);
        simulator.place(new BigDecimal("10"));
        host.write("R\r\n");
        host.quiet(150);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("ST,+00000.00  g");
    }

    @Test
    @Order(14)
    void tareMemory() throws Exception {
        host.openRaw();
        simulator.acknowledge(true);
        simulator.place(new BigDecimal("100"));
        assertThat(host.send("T\r\n", 2, AT_ONCE))
                .extracting(Transcript.Reply::line)
                .containsExactly(ACK, ACK);
        assertThat(ask("?PT\r\n", AT_ONCE)).isEqualTo("PT,+00100.00  g");
        simulator.place(new BigDecimal("130"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("ST,+00030.00  g");
        assertThat(ask("PT:+00020.00  g\r\n", AT_ONCE)).isEqualTo(ACK);
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("ST,+00110.00  g");
        // clearing the tare: a preset of zero
        assertThat(ask("PT:+00000.00  g\r\n", AT_ONCE)).isEqualTo(ACK);
        assertThat(ask("?PT\r\n", AT_ONCE)).isEqualTo("PT,+00000.00  g");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("ST,+00130.00  g");
        assertThat(ask("PT:+99999.00  g\r\n", AT_ONCE)).isEqualTo("EC,E07");
        assertThat(ask("PT:abc  g\r\n", AT_ONCE)).isEqualTo("EC,E06");
    }

    @Test
    @Order(15)
    void outOfRange() throws Exception {
        host.openRaw();
        simulator.overload();
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("OL,+9999999E+19");
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("OL,+9999999E+19");
        simulator.clearPan();
        simulator.underload();
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("OL,-9999999E+19");
    }

    @Test
    @Order(16)
    void cancel() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("10"), 60_000);
        host.write("S\r\n");
        host.quiet(200);
        host.write("C\r\n");
        host.quiet(300);
        simulator.place(new BigDecimal("12"));
        List<Transcript.Reply> stream = host.send("SIR\r\n", 3, 1000);
        assertThat(stream).extracting(Transcript.Reply::line).containsOnly("ST,+00012.00  g");
        host.write("C\r\n");
        host.drainUntilQuiet(300);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("ST,+00012.00  g");
        host.quiet(300);
    }

    @Test
    @Order(17)
    void invalidCommands() throws Exception {
        host.openRaw();
        host.write("XYZ\r\n");
        host.quiet(200);
        simulator.acknowledge(true);
        assertThat(ask("XYZ\r\n", AT_ONCE)).isEqualTo("EC,E01");
        assertThat(ask("OFF\r\n", AT_ONCE)).isEqualTo(ACK);
        assertThat(ask("Q\r\n", AT_ONCE)).isEqualTo("EC,E02");
        assertThat(ask("ON\r\n", AT_ONCE)).isEqualTo(ACK);
    }
}
