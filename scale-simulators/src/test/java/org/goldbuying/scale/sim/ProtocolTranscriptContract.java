package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One protocol's scenarios against its simulator over a real pseudo-terminal pair (socat), each exchange recorded:
 * the transcript is written to {@code target/transcripts/<protocol>-simulator.txt} when the class is done, in the
 * format of {@code docs/devices/README.md}, and the committed copy under {@code src/test/resources/transcripts}
 * is replayed through the driver by {@link TranscriptReplayContract}. The scenarios every protocol shares, run by
 * the driver itself, are here; each subclass adds its maker's commands (stable weigh, unstable then stable,
 * zero, tare, overload and underload, cancel, invalid command).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ProtocolTranscriptContract<S extends BalanceSimulator> {
    static final String SERIAL = BalanceOverPtyContract.SERIAL;
    /** The driver's reply timeout while recording (the station uses seconds; the pty answers in milliseconds). */
    static final Duration DRIVER_TIMEOUT = Duration.ofMillis(800);

    private final List<Transcript.Scenario> scenarios = new ArrayList<>();
    VirtualSerialPair pair;
    S simulator;
    TranscriptRecorder host;
    private String scenarioName;
    private List<String> driverSteps;
    private String outcome;

    abstract S newSimulator(SerialLine deviceLine);

    abstract BalanceProtocol protocol();

    abstract DriverReadings.ReplyReader reader();

    /** Headers describing the simulator, written at the top of the transcript. */
    abstract Map<String, String> source();

    @BeforeEach
    void open(TestInfo test) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || VirtualSerialPair.socatAvailable(), "socat is not installed: apt-get install -y socat");
        pair = VirtualSerialPair.open(Path.of("target", "pty"), protocol().name() + "-tx-" + System.nanoTime());
        simulator = newSimulator(
                new JSerialCommLine(SerialSettings.defaults(pair.deviceEnd().toString())));
        simulator.start();
        host = new TranscriptRecorder(
                new JSerialCommLine(SerialSettings.defaults(pair.hostEnd().toString())), reader());
        scenarioName = test.getTestMethod().orElseThrow().getName();
        driverSteps = List.of();
        outcome = null;
    }

    @AfterEach
    void close() {
        if (host != null) {
            scenarios.add(host.scenario(scenarioName, driverSteps, outcome));
            host.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @AfterAll
    void writeTranscript() throws Exception {
        if (scenarios.isEmpty()) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("protocol", protocol().name());
        headers.put("serial", SERIAL);
        headers.putAll(source());
        headers.put("recorded", Instant.now().toString());
        new Transcript(headers, scenarios)
                .write(Path.of("target", "transcripts", protocol().name() + "-simulator.txt"));
    }

    /**
     * The driver on the recorded line, as the station uses it. The test makes the calls named in {@code steps}
     * ({@code connect}, {@code zero}, {@code live}, {@code weigh}; by default connect then weigh), in that order:
     * the replay makes the same calls against the recorded replies.
     */
    SerialBalance driver(String... steps) {
        driverSteps = steps.length == 0 ? List.of("connect", "weigh") : List.of(steps);
        return new SerialBalance(
                host,
                protocol(),
                BalanceOverPtyContract.BALANCE,
                Clock.systemUTC(),
                ReadingIds.fromClock(),
                DRIVER_TIMEOUT);
    }

    /** Runs a driver call and notes its outcome ({@code !!} line): a reading, or the fault it raised. */
    String outcome(Supplier<String> call) {
        try {
            outcome = call.get();
        } catch (ScaleException e) {
            outcome = "fault " + e.fault();
        }
        return outcome;
    }

    static String weigh(SerialBalance balance) {
        return "reading " + balance.weighForTransaction().grossGrams().toPlainString() + " g";
    }

    /** The one reply line to a command, as the driver sees it (terminator removed). */
    String ask(String command, long maxMillis) throws InterruptedException {
        return host.send(command, 1, maxMillis).get(0).line();
    }

    // ---- what every protocol shares, through the driver ----

    @Test
    @Order(1)
    void driverWeighsASettledLoad() {
        simulator.place(new BigDecimal("123.456"));
        SerialBalance balance = driver().connect();
        assertThat(outcome(() -> weigh(balance))).isEqualTo("reading 123.46 g");
    }

    @Test
    @Order(2)
    void driverRefusesALoadThatDoesNotSettle() {
        // the balance waits longer than the driver: the driver's own timeout, then its way out, are recorded
        simulator.stabilityTimeout(Duration.ofSeconds(5));
        simulator.place(new BigDecimal("50"), 60_000);
        SerialBalance balance = driver().connect();
        assertThat(outcome(() -> weigh(balance))).isEqualTo("fault UNSTABLE");
    }

    @Test
    @Order(3)
    void driverRefusesAnOverload() {
        SerialBalance balance = driver().connect();
        simulator.overload();
        assertThat(outcome(() -> weigh(balance))).isEqualTo("fault " + overloadFault());
    }

    /** The fault an overloaded balance produces through this protocol's driver. */
    String overloadFault() {
        return "OVERLOAD";
    }
}
