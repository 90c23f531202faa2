package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldbuying.scale.Eventually.waitUntil;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.AccuracyClass;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every balance protocol must do over a real pseudo-terminal pair (socat) with its simulator on the other
 * end: the legal-for-trade rules, typed faults, and the line troubles met in the field. One subclass per protocol.
 */
abstract class BalanceOverPtyContract<S extends BalanceSimulator> {
    static final String SERIAL = "B912345678";
    static final RegisteredBalance BALANCE = new RegisteredBalance(
            "counter-1",
            SERIAL,
            AccuracyClass.II,
            new BigDecimal("2100"),
            new BigDecimal("0.2"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            "WM-2026-0042",
            LocalDate.now().plusYears(1));

    VirtualSerialPair pair;
    S simulator;
    SerialBalance balance;

    abstract S newSimulator(SerialLine deviceLine);

    abstract BalanceProtocol protocol();

    /** A stable frame of 999.99 g in the protocol's own layout, sent unasked to disturb the host. */
    abstract String strayStableFrame();

    /** The fault an overloaded balance produces in this protocol. */
    ScaleFault overloadFault() {
        return ScaleFault.OVERLOAD;
    }

    /** Every line the host's side of the pty received, in order. */
    List<String> hostLines;

    /** Passes everything through, noting each line received, so a test can wait for what the device sent. */
    static final class RecordingLine implements SerialLine {
        private final SerialLine line;
        private final List<String> received;

        RecordingLine(SerialLine line, List<String> received) {
            this.line = line;
            this.received = received;
        }

        @Override
        public void open(Listener listener) {
            line.open(new Listener() {
                @Override
                public void onLine(String text) {
                    received.add(text);
                    listener.onLine(text);
                }

                @Override
                public void onFault(ScaleException fault) {
                    listener.onFault(fault);
                }

                @Override
                public void onBytes(byte[] chunk, int offset, int count) {
                    listener.onBytes(chunk, offset, count);
                }

                @Override
                public void onReconnected() {
                    listener.onReconnected();
                }
            });
        }

        @Override
        public void write(String text) {
            line.write(text);
        }

        @Override
        public boolean isOpen() {
            return line.isOpen();
        }

        @Override
        public void close() {
            line.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || VirtualSerialPair.socatAvailable(), "socat is not installed: apt-get install -y socat");
        pair = VirtualSerialPair.open(Path.of("target", "pty"), protocol().name() + "-" + System.nanoTime());
        simulator = newSimulator(
                new JSerialCommLine(SerialSettings.defaults(pair.deviceEnd().toString())));
        simulator.start();
        hostLines = new CopyOnWriteArrayList<>();
        balance = new SerialBalance(
                new RecordingLine(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.hostEnd().toString())),
                        hostLines),
                protocol(),
                BALANCE,
                Clock.systemUTC(),
                ReadingIds.fromClock(),
                Duration.ofMillis(800));
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

    static void assertFault(ThrowingCallable call, ScaleFault expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ScaleException.class,
                        e -> assertThat(e.fault()).as(e.getMessage()).isEqualTo(expected));
    }

    @Test
    void stableWeightBecomesATransactionReading() {
        balance.connect();
        simulator.place(new BigDecimal("123.456"));
        TransactionReading first = balance.weighForTransaction();
        assertThat(first.grossGrams()).isEqualByComparingTo("123.46");
        assertThat(first.deviceId()).isEqualTo("counter-1");
        assertThat(first.rawFrame()).contains("123.46");
        simulator.clearPan();
        balance.readLive();
        simulator.place(new BigDecimal("7.5"));
        TransactionReading second = balance.weighForTransaction();
        assertThat(second.readingId()).isGreaterThan(first.readingId());
    }

    @Test
    void unsettledLoadIsRefusedButShownLive() {
        balance.connect();
        simulator.place(new BigDecimal("50"), 60_000);
        assertFault(balance::weighForTransaction, ScaleFault.UNSTABLE);
        assertThat(balance.readLive().stable()).isFalse();
    }

    @Test
    void wrongDeviceIsRefused() {
        simulator.reportSerialNumber("OTHER-1");
        assertFault(balance::connect, ScaleFault.IDENTITY_MISMATCH);
    }

    @Test
    void balanceMustReturnToZeroBetweenLots() {
        balance.connect();
        simulator.place(new BigDecimal("10"));
        balance.weighForTransaction();
        assertFault(balance::weighForTransaction, ScaleFault.NOT_ZERO);
        simulator.clearPan();
        balance.readLive();
        simulator.place(new BigDecimal("20"));
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("20");
    }

    @Test
    void overloadIsTyped() {
        balance.connect();
        simulator.overload();
        assertFault(balance::weighForTransaction, overloadFault());
    }

    @Test
    void belowMinIsRefused() {
        balance.connect();
        simulator.place(new BigDecimal("0.1"));
        assertFault(balance::weighForTransaction, ScaleFault.BELOW_MIN);
    }

    @Test
    void unitWithoutExactConversionIsRefused() {
        balance.connect();
        simulator.reportUnit("lb");
        simulator.place(new BigDecimal("10"));
        assertFault(balance::weighForTransaction, ScaleFault.UNIT_MISMATCH);
    }

    @Test
    void garbledReplyNeverBecomesAReading() {
        balance.connect();
        simulator.place(new BigDecimal("10"));
        simulator.garbleNextReply();
        assertFault(balance::weighForTransaction, ScaleFault.MALFORMED);
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("10");
    }

    @Test
    void replySplitAcrossReadsIsReassembled() {
        balance.connect();
        simulator.place(new BigDecimal("42.42"));
        simulator.splitNextReply(60);
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("42.42");
    }

    @Test
    void strayFramesDoNotAnswerTheNextCommand() throws InterruptedException {
        balance.connect();
        simulator.joinNextReplyWith(strayStableFrame());
        assertThat(balance.readLive().grams()).isEqualByComparingTo("0");
        int before = hostLines.size();
        simulator.sendRaw("\u0002garbage without end" + "\r\n" + strayStableFrame() + "\r\n");
        // Both stray lines must have reached the host before the next command: one arriving after it would be
        // indistinguishable from the reply, in this test as on a real cable.
        waitUntil("both stray lines received", () -> hostLines.size() >= before + 2);
        simulator.place(new BigDecimal("20"));
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("20");
    }

    @Test
    void lostReplyTimesOutAndTheLineRecovers() {
        balance.connect();
        simulator.dropNextReply();
        assertFault(balance::readLive, ScaleFault.TIMEOUT);
        assertThat(balance.readLive().grams()).isEqualByComparingTo("0");
    }

    @Test
    void silentDeviceTimesOut() {
        balance.connect();
        simulator.place(new BigDecimal("10"));
        simulator.mute(true);
        assertFault(balance::weighForTransaction, ScaleFault.TIMEOUT);
    }
}
