package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.AccuracyClass;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against the simulator over a real pseudo-terminal pair (socat), as on a station's serial port. */
class MtSicsOverPtyTest {
    static final RegisteredBalance BALANCE = new RegisteredBalance(
            "counter-1",
            "B912345678",
            AccuracyClass.II,
            new BigDecimal("2100"),
            new BigDecimal("0.2"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            "WM-2026-0042",
            LocalDate.now().plusYears(1));

    VirtualSerialPair pair;
    MtSicsSimulator simulator;
    SerialBalance balance;

    @BeforeEach
    void open() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || VirtualSerialPair.socatAvailable(), "socat is not installed: apt-get install -y socat");
        pair = VirtualSerialPair.open(Path.of("target", "pty"), "balance-" + System.nanoTime());
        simulator = new MtSicsSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.deviceEnd().toString())),
                        "B912345678",
                        2)
                .start();
        balance = new SerialBalance(
                new JSerialCommLine(SerialSettings.defaults(pair.hostEnd().toString())),
                new MtSicsProtocol(),
                BALANCE,
                Clock.systemUTC(),
                ReadingIds.fromClock(),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (balance != null) {
            balance.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void stableWeightBecomesATransactionReading() {
        balance.connect();
        simulator.place(new BigDecimal("123.456"));
        TransactionReading reading = balance.weighForTransaction();
        assertThat(reading.grossGrams()).isEqualByComparingTo("123.46");
        assertThat(reading.deviceId()).isEqualTo("counter-1");
        assertThat(reading.rawFrame()).startsWith("S S").endsWith("g");
    }

    @Test
    void unsettledLoadIsRefused() {
        balance.connect();
        simulator.place(new BigDecimal("50"), 60_000);
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.UNSTABLE));
        assertThat(balance.readLive().stable()).isFalse();
    }

    @Test
    void wrongDeviceIsRefused() {
        simulator.reportSerialNumber("OTHER-1");
        assertThatThrownBy(balance::connect)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.IDENTITY_MISMATCH));
    }

    @Test
    void balanceMustReturnToZeroBetweenLots() {
        balance.connect();
        simulator.place(new BigDecimal("10"));
        balance.weighForTransaction();
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.NOT_ZERO));
        simulator.clearPan();
        balance.readLive();
        simulator.place(new BigDecimal("20"));
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("20");
    }

    @Test
    void overloadIsTyped() {
        balance.connect();
        simulator.overload();
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.OVERLOAD));
    }
}
