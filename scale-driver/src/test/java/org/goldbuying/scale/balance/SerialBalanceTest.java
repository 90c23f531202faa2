package org.goldbuying.scale.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldbuying.scale.Eventually.waitUntil;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.junit.jupiter.api.Test;

/** The legal-for-trade flow of SerialBalance on a fake line, with a fixed clock. */
class SerialBalanceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final RegisteredBalance BALANCE = new RegisteredBalance(
            "counter-1",
            "B1",
            AccuracyClass.II,
            new BigDecimal("2100"),
            new BigDecimal("0.2"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            "WM-1",
            LocalDate.parse("2026-12-31"));

    final AtomicReference<String> weight = new AtomicReference<>("S S 10.00 g");
    final FakeSerialLine line = new FakeSerialLine(command -> switch (command) {
        case "I4\r\n" -> "I4 A \"B1\"";
        case "S\r\n" -> weight.get();
        case "SI\r\n" -> weight.get().replace("S S", "S D");
        default -> "ES";
    });
    final AtomicLong ids = new AtomicLong(100);

    SerialBalance balance(Clock clock) {
        return new SerialBalance(
                line, new MtSicsProtocol(), BALANCE, clock, ids::incrementAndGet, Duration.ofMillis(200));
    }

    @Test
    void readingCarriesIdTimeDeviceAndRawFrame() {
        TransactionReading reading = balance(CLOCK).connect().weighForTransaction();
        assertThat(reading.readingId()).isEqualTo(101);
        assertThat(reading.readAt()).isEqualTo(CLOCK.instant());
        assertThat(reading.deviceId()).isEqualTo("counter-1");
        assertThat(reading.rawFrame()).isEqualTo("S S 10.00 g");
        assertThat(reading.balance()).isEqualTo(BALANCE);
    }

    @Test
    void expiredVerificationIsRefused() {
        Clock later = Clock.fixed(Instant.parse("2027-01-01T10:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> balance(later).connect())
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.VERIFICATION_EXPIRED));
    }

    @Test
    void aboveMaxIsRefused() {
        SerialBalance balance = balance(CLOCK).connect();
        weight.set("S S 2100.01 g");
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.ABOVE_MAX));
    }

    @Test
    void disconnectIsTyped() {
        SerialBalance balance = new SerialBalance(
                new FakeSerialLine(c -> null) {
                    @Override
                    public void write(String text) {
                        super.write(text);
                        fault(new ScaleException(ScaleFault.DISCONNECTED, "read failed"));
                    }
                },
                new MtSicsProtocol(),
                BALANCE,
                CLOCK,
                ids::incrementAndGet,
                Duration.ofMillis(200));
        assertThatThrownBy(balance::connect)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DISCONNECTED));
    }

    @Test
    void liveStreamDeliversUnstableFramesAndFaults() throws Exception {
        SerialBalance balance = balance(CLOCK).connect();
        List<WeightFrame> frames = new CopyOnWriteArrayList<>();
        List<ScaleException> faults = new CopyOnWriteArrayList<>();
        LiveWeightStream stream = new LiveWeightStream(balance, Duration.ofMillis(5), frames::add, faults::add).start();
        try {
            waitUntil("three frames", () -> frames.size() >= 3);
            weight.set("S +");
            waitUntil("a fault", () -> !faults.isEmpty());
        } finally {
            stream.close();
        }
        assertThat(frames.get(0).stable()).isFalse();
        assertThat(frames.get(0).grams()).isEqualByComparingTo("10.00");
        assertThat(faults.get(0).fault()).isEqualTo(ScaleFault.OVERLOAD);
    }

    /** A balance that holds S (never settles), answers @ as given, and SI with a moving weight. */
    FakeSerialLine holdingBalance(String... cancelReplies) {
        return new FakeSerialLine(c -> null) {
            @Override
            public void write(String text) {
                super.write(text);
                switch (text) {
                    case "I4\r\n" -> deliver("I4 A \"B1\"");
                    case "@\r\n" -> List.of(cancelReplies).forEach(this::deliver);
                    case "SI\r\n" -> deliver("S D 12.00 g");
                    default -> {
                        // S and Z are held: no answer within the driver's timeout
                    }
                }
            }
        };
    }

    @Test
    void heldStableRequestIsCancelledThenReadLive() {
        FakeSerialLine held = holdingBalance("I4 A \"B1\"");
        SerialBalance balance = new SerialBalance(
                        held, new MtSicsProtocol(), BALANCE, CLOCK, ids::incrementAndGet, Duration.ofMillis(100))
                .connect();
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.UNSTABLE));
        assertThat(held.written()).containsExactly("I4\r\n", "S\r\n", "@\r\n", "SI\r\n");
    }

    @Test
    void lateAnswerToTheHeldRequestIsNotTakenForTheCancelReply() {
        FakeSerialLine held = holdingBalance("S I", "I4 A \"B1\"");
        SerialBalance balance = new SerialBalance(
                        held, new MtSicsProtocol(), BALANCE, CLOCK, ids::incrementAndGet, Duration.ofMillis(100))
                .connect();
        assertThatThrownBy(balance::zero)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.UNSTABLE));
        assertThat(held.written()).containsExactly("I4\r\n", "Z\r\n", "@\r\n", "SI\r\n");
    }

    @Test
    void anotherSerialNumberInTheCancelReplyIsRefused() {
        FakeSerialLine held = holdingBalance("I4 A \"OTHER\"");
        SerialBalance balance = new SerialBalance(
                        held, new MtSicsProtocol(), BALANCE, CLOCK, ids::incrementAndGet, Duration.ofMillis(100))
                .connect();
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.IDENTITY_MISMATCH));
    }

    @Test
    void silenceAfterTheCancelMeansADeadLine() {
        FakeSerialLine held = holdingBalance();
        SerialBalance balance = new SerialBalance(
                        held, new MtSicsProtocol(), BALANCE, CLOCK, ids::incrementAndGet, Duration.ofMillis(100))
                .connect();
        assertThatThrownBy(balance::weighForTransaction)
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.TIMEOUT));
    }
}
