package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldbuying.scale.Eventually.waitUntil;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.transport.DeviceIdentity;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.PortDescriptor;
import org.goldbuying.scale.transport.ReconnectingSerialLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unplug and re-plug over real pseudo-terminals: killing socat is the unplug (the host's reads fail), a new pair
 * under another name is the device coming back on another port. The port list is faked; the lines are real.
 */
class UnplugOverPtyTest {
    static final Path DIR = Path.of("target", "pty");
    final List<PortDescriptor> present = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    MtSicsSimulator plugIn(String name, String serial) throws Exception {
        VirtualSerialPair pair = VirtualSerialPair.open(DIR, name);
        toClose.add(pair);
        MtSicsSimulator simulator = new MtSicsSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.deviceEnd().toString())),
                        serial,
                        2)
                .start();
        toClose.add(simulator);
        present.add(new PortDescriptor(pair.hostEnd().toString(), "FT123", null, 0x0403, 0x6001));
        return simulator;
    }

    /** Pulls the cable and waits until the host noticed (its reader failed), as a clerk would see it go offline. */
    void unplug(MtSicsSimulator simulator, ReconnectingSerialLine line) throws Exception {
        present.clear();
        int at = toClose.indexOf(simulator);
        simulator.close();
        toClose.get(at - 1).close(); // the pair: socat dies, the host end disappears
        // Until then the dead line still looks open, and a reconnect awaited after this would return at once.
        waitUntil("unplug noticed", () -> !line.isOpen());
    }

    @Test
    void balanceComesBackOnAnotherPortAndMustProveItsIdentityAgain() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || VirtualSerialPair.socatAvailable(), "socat is not installed: apt-get install -y socat");
        long id = System.nanoTime();
        MtSicsSimulator first = plugIn("unplug-a-" + id, "B912345678");
        ReconnectingSerialLine line = new ReconnectingSerialLine(
                new DeviceIdentity("FT123", null, -1, -1),
                () -> present,
                path -> new JSerialCommLine(SerialSettings.defaults(path)),
                Duration.ofMillis(20));
        SerialBalance balance = new SerialBalance(
                line,
                new MtSicsProtocol(),
                BalanceOverPtyContract.BALANCE,
                Clock.systemUTC(),
                ReadingIds.fromClock(),
                Duration.ofMillis(800));
        toClose.add(0, balance);
        balance.connect();
        first.place(new BigDecimal("10"));
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("10");

        unplug(first, line);
        assertThatThrownBy(balance::readLive)
                .isInstanceOfSatisfying(
                        ScaleException.class,
                        e -> assertThat(e.fault()).isIn(ScaleFault.DISCONNECTED, ScaleFault.TIMEOUT));

        // Another balance is plugged in where the first one was: refused.
        MtSicsSimulator stranger = plugIn("unplug-b-" + id, "OTHER-1");
        awaitReconnect(line);
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.IDENTITY_MISMATCH));

        // The registered balance comes back under yet another name: accepted once its pan reads zero.
        unplug(stranger, line);
        MtSicsSimulator back = plugIn("unplug-c-" + id, "B912345678");
        awaitReconnect(line);
        back.place(new BigDecimal("20"));
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.NOT_ZERO));
        back.clearPan();
        balance.readLive();
        back.place(new BigDecimal("20"));
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("20");
    }

    static void awaitReconnect(ReconnectingSerialLine line) throws InterruptedException {
        waitUntil("reconnected", line::isOpen);
    }
}
