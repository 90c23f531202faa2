package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** MT-SICS levels 0 and 1 (and the set-up commands of level 2) against the simulator, as docs/devices/mt-sics.md. */
class MtSicsTranscriptTest extends ProtocolTranscriptContract<MtSicsSimulator> {
    /** Quick answers come in milliseconds over a pty; this bound only catches a reply that was held. */
    static final long AT_ONCE = 300;

    @Override
    MtSicsSimulator newSimulator(SerialLine deviceLine) {
        MtSicsSimulator sim = new MtSicsSimulator(deviceLine, SERIAL, 2);
        sim.stabilityTimeout(Duration.ofMillis(600));
        return sim;
    }

    @Override
    BalanceProtocol protocol() {
        return new MtSicsProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.mtSics();
    }

    @Override
    Map<String, String> source() {
        return Map.of("source", "MtSicsSimulator over a socat pty, 2 decimals, its own stability timeout 600 ms");
    }

    @Test
    @Order(4)
    void driverMeetsTheBalancesOwnTimeout() {
        simulator.place(new BigDecimal("50"), 60_000);
        SerialBalance balance = driver().connect();
        assertThat(outcome(() -> weigh(balance))).isEqualTo("fault UNSTABLE");
    }

    @Test
    @Order(5)
    void driverZeroes() {
        simulator.place(new BigDecimal("3"));
        SerialBalance balance = driver("connect", "zero", "weigh").connect();
        balance.zero();
        simulator.place(new BigDecimal("15.5"));
        assertThat(outcome(() -> weigh(balance))).isEqualTo("reading 12.50 g");
    }

    @Test
    @Order(10)
    void identification() throws Exception {
        host.openRaw();
        assertThat(ask("@\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
        assertThat(ask("I1\r\n", AT_ONCE)).isEqualTo("I1 A \"01\" \"2.30\" \"2.22\" \"\" \"\"");
        assertThat(ask("I2\r\n", AT_ONCE)).isEqualTo("I2 A \"XS2002S 2100.00 g\"");
        assertThat(ask("I3\r\n", AT_ONCE)).startsWith("I3 A \"");
        assertThat(ask("I4\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
        assertThat(ask("I5\r\n", AT_ONCE)).startsWith("I5 A \"");
        assertThat(ask("I10\r\n", AT_ONCE)).startsWith("I10 A \"");
        assertThat(ask("I11\r\n", AT_ONCE)).isEqualTo("I11 A \"XS2002S\"");
        // the set-up an outside client sends first: host unit to grams
        assertThat(ask("M21 0 0\r\n", AT_ONCE)).isEqualTo("M21 A");
        List<Transcript.Reply> units = host.send("M21\r\n", 2, AT_ONCE);
        assertThat(units).extracting(Transcript.Reply::line).containsExactly("M21 B 0 0", "M21 A 1 0");
        List<Transcript.Reply> commands = host.send("I0\r\n", MtSicsSimulator.COMMANDS.size(), AT_ONCE);
        assertThat(commands.get(0).line()).isEqualTo("I0 B 0 \"@\"");
        assertThat(commands.get(commands.size() - 1).line()).startsWith("I0 A 2 ");
    }

    @Test
    @Order(11)
    void stableWeigh() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("123.456"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     123.46 g");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S S     123.46 g");
        assertThat(ask("SC 1000\r\n", AT_ONCE)).isEqualTo("S S     123.46 g");
    }

    @Test
    @Order(12)
    void unstableThenStable() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("50"), 400);
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S D      50.00 g");
        Transcript.Reply held = host.send("S\r\n", 1, 2000).get(0);
        assertThat(held.line()).isEqualTo("S S      50.00 g");
        assertThat(held.millis()).as("held until stable").isGreaterThanOrEqualTo(250);
    }

    @Test
    @Order(13)
    void theBalanceGivesUpAfterItsOwnTimeout() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("60"), 60_000);
        Transcript.Reply s = host.send("S\r\n", 1, 2000).get(0);
        assertThat(s.line()).isEqualTo("S I");
        assertThat(s.millis()).as("after the balance's own timeout").isGreaterThanOrEqualTo(550);
        Transcript.Reply sc = host.send("SC 300\r\n", 1, 2000).get(0);
        assertThat(sc.line()).isEqualTo("S D      60.00 g");
        assertThat(sc.millis()).isGreaterThanOrEqualTo(250);
        assertThat(host.send("Z\r\n", 1, 2000).get(0).line()).isEqualTo("Z I");
        assertThat(host.send("ZC 300\r\n", 1, 2000).get(0).line()).isEqualTo("ZC I");
        assertThat(host.send("T\r\n", 1, 2000).get(0).line()).isEqualTo("T I");
        assertThat(host.send("TC 300\r\n", 1, 2000).get(0).line()).isEqualTo("TC I");
    }

    @Test
    @Order(14)
    void zero() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("5.5"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z A");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S S       0.00 g");
        simulator.place(new BigDecimal("6"));
        assertThat(ask("ZC 500\r\n", AT_ONCE)).isEqualTo("ZC A");
        simulator.place(new BigDecimal("7"), 60_000);
        assertThat(ask("ZI\r\n", AT_ONCE)).isEqualTo("ZI D");
        simulator.place(new BigDecimal("7"));
        assertThat(ask("ZI\r\n", AT_ONCE)).isEqualTo("ZI S");
        // beyond the zero-setting range (2 % of Max) a balance refuses to zero
        simulator.place(new BigDecimal("500"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z +");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     493.00 g");
    }

    @Test
    @Order(15)
    void tareMemory() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("100"));
        assertThat(ask("T\r\n", AT_ONCE)).isEqualTo("T S     100.00 g");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S S       0.00 g");
        assertThat(ask("TA\r\n", AT_ONCE)).isEqualTo("TA A     100.00 g");
        simulator.place(new BigDecimal("130"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S      30.00 g");
        assertThat(ask("TAC\r\n", AT_ONCE)).isEqualTo("TAC A");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     130.00 g");
        assertThat(ask("TA 20.00 g\r\n", AT_ONCE)).isEqualTo("TA A      20.00 g");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     110.00 g");
        assertThat(ask("TI\r\n", AT_ONCE)).isEqualTo("TI S     130.00 g");
        simulator.place(new BigDecimal("140"), 60_000);
        assertThat(ask("TI\r\n", AT_ONCE)).isEqualTo("TI D     140.00 g");
        simulator.place(new BigDecimal("150"));
        assertThat(ask("TC 500\r\n", AT_ONCE)).isEqualTo("TC S     150.00 g");
        // zeroing is separate from the tare memory, and clears it
        simulator.place(new BigDecimal("10"));
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z A");
        assertThat(ask("TA\r\n", AT_ONCE)).isEqualTo("TA A       0.00 g");
        assertThat(ask("TA 5000 g\r\n", AT_ONCE)).isEqualTo("TA L");
    }

    @Test
    @Order(16)
    void clearTare() throws Exception {
        host.openRaw();
        simulator.place(new BigDecimal("40"));
        assertThat(ask("T\r\n", AT_ONCE)).isEqualTo("T S      40.00 g");
        simulator.place(new BigDecimal("45.5"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S       5.50 g");
        assertThat(ask("TAC\r\n", AT_ONCE)).isEqualTo("TAC A");
        assertThat(ask("TA\r\n", AT_ONCE)).isEqualTo("TA A       0.00 g");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S      45.50 g");
    }

    @Test
    @Order(17)
    void outOfRange() throws Exception {
        host.openRaw();
        simulator.overload();
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S +");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S +");
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z +");
        assertThat(ask("ZI\r\n", AT_ONCE)).isEqualTo("ZI +");
        assertThat(ask("T\r\n", AT_ONCE)).isEqualTo("T +");
        assertThat(ask("TI\r\n", AT_ONCE)).isEqualTo("TI +");
        simulator.underload();
        simulator.place(BigDecimal.ZERO);
        simulator.underload();
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S -");
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S -");
        assertThat(ask("Z\r\n", AT_ONCE)).isEqualTo("Z -");
        assertThat(ask("T\r\n", AT_ONCE)).isEqualTo("T -");
        // more than Max on the pan reads as overload without any script
        simulator.place(new BigDecimal("2100.02"));
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S +");
    }

    @Test
    @Order(18)
    void cancel() throws Exception {
        // Held replies never time out here: with the 600 ms timeout a loaded machine could answer S I before the
        // host's next command arrived. Whether a held command was cancelled shows when the load then settles.
        simulator.stabilityTimeout(Duration.ofMillis(Long.MAX_VALUE));
        try {
            host.openRaw();
            simulator.place(new BigDecimal("10"), 60_000);
            host.write("S\r\n");
            host.quiet(200);
            // while S is held, a balance ignores other commands; @ is always executed
            host.write("SI\r\n");
            host.quiet(200);
            assertThat(ask("@\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
            simulator.place(new BigDecimal("10"));
            host.quiet(300);
            simulator.place(new BigDecimal("11"), 60_000);
            host.write("T\r\n");
            host.quiet(200);
            List<Transcript.Reply> cancelled = host.send("C\r\n", 2, AT_ONCE);
            assertThat(cancelled).extracting(Transcript.Reply::line).containsExactly("C B", "C A");
            simulator.place(new BigDecimal("11"));
            host.quiet(300);
        } finally {
            simulator.stabilityTimeout(Duration.ofMillis(600));
        }
        // SIR repeats until cancelled
        simulator.place(new BigDecimal("12"));
        List<Transcript.Reply> stream = host.send("SIR\r\n", 3, 1000);
        assertThat(stream).extracting(Transcript.Reply::line).containsOnly("S S      12.00 g");
        // a repeat already on its way when @ arrives comes before @'s reply; nothing repeats after it
        host.write("@\r\n");
        String line;
        do {
            line = host.await(1, AT_ONCE).get(0).line();
        } while (line.equals("S S      12.00 g"));
        assertThat(line).isEqualTo("I4 A \"" + SERIAL + "\"");
        host.quiet(300);
        assertThat(ask("SI\r\n", AT_ONCE)).isEqualTo("S S      12.00 g");
        host.quiet(300);
    }

    @Test
    @Order(19)
    void invalidCommands() throws Exception {
        host.openRaw();
        assertThat(ask("XYZ\r\n", AT_ONCE)).isEqualTo("ES");
        assertThat(ask("s\r\n", AT_ONCE)).isEqualTo("ES");
        assertThat(ask("S 5\r\n", AT_ONCE)).isEqualTo("ES");
        assertThat(ask("S\u0007\r\n", AT_ONCE)).isEqualTo("ET");
        assertThat(ask("K 9\r\n", AT_ONCE)).isEqualTo("K L");
        assertThat(ask("M21 0 2\r\n", AT_ONCE)).isEqualTo("M21 L");
        assertThat(ask("SC 99999\r\n", AT_ONCE)).isEqualTo("S L");
    }

    @Test
    @Order(20)
    void displayKeysUnitAndPower() throws Exception {
        host.openRaw();
        assertThat(ask("D \"LOT 17\"\r\n", AT_ONCE)).isEqualTo("D A");
        assertThat(simulator.displayText()).isEqualTo("LOT 17");
        assertThat(ask("DW\r\n", AT_ONCE)).isEqualTo("DW A");
        assertThat(simulator.displayText()).isNull();
        assertThat(ask("K 3\r\n", AT_ONCE)).isEqualTo("K A");
        simulator.place(new BigDecimal("31.1034768"));
        assertThat(ask("M21 0 9\r\n", AT_ONCE)).isEqualTo("M21 A");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S     1.0000 ozt");
        assertThat(ask("PWR 0\r\n", AT_ONCE)).isEqualTo("PWR A");
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S I");
        List<Transcript.Reply> on = host.send("PWR 1\r\n", 2, AT_ONCE);
        assertThat(on).extracting(Transcript.Reply::line).containsExactly("PWR A", "I4 A \"" + SERIAL + "\"");
        assertThat(ask("@\r\n", AT_ONCE)).isEqualTo("I4 A \"" + SERIAL + "\"");
        assertThat(simulator.keyMode()).isEqualTo(1);
        assertThat(ask("S\r\n", AT_ONCE)).isEqualTo("S S      31.10 g");
    }
}
