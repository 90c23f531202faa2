package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.junit.jupiter.api.Test;

/**
 * Feeds a recorded transcript through the driver, without any serial line: every reply's reading ({@code !}) must
 * be what the driver reads from it now, and every scenario the driver ran ({@code == name driver}) must end the
 * same way ({@code !!}) when the driver runs again against the recorded replies. The committed transcript is
 * {@code src/test/resources/transcripts/<protocol>-simulator.txt}; a transcript from a real balance is replayed
 * with {@code -Dtranscript=<file>} (the {@code @protocol} header must name this protocol).
 */
abstract class TranscriptReplayContract {
    /** Short, since a recorded silence is replayed as no answer and the driver waits this long for it. */
    static final Duration REPLAY_TIMEOUT = Duration.ofMillis(150);

    abstract String protocolName();

    abstract BalanceProtocol protocol();

    abstract DriverReadings.ReplyReader reader();

    Transcript transcript() throws IOException {
        String external = System.getProperty("transcript");
        if (external != null) {
            Transcript given = Transcript.read(Path.of(external));
            if (given.header("protocol").equals(protocolName())) {
                return given;
            }
        }
        String resource = "/transcripts/" + protocolName() + "-simulator.txt";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Transcript.parse(text.lines().toList());
        }
    }

    @Test
    void everyReplyReadsAsRecorded() throws IOException {
        Transcript transcript = transcript();
        List<String> checked = new ArrayList<>();
        for (Transcript.Scenario scenario : transcript.scenarios()) {
            for (Transcript.Exchange exchange : scenario.exchanges()) {
                for (Transcript.Reply reply : exchange.replies()) {
                    if (reply.reading() != null) {
                        assertThat(reader().read(exchange.command(), reply.line()))
                                .as(
                                        "%s: reply %s to %s",
                                        scenario.name(),
                                        Transcript.escape(reply.bytes()),
                                        Transcript.escape(exchange.command()))
                                .isEqualTo(reply.reading());
                        checked.add(reply.reading());
                    }
                }
            }
        }
        assertThat(checked).isNotEmpty();
    }

    @Test
    void driverScenariosEndAsRecorded() throws IOException {
        Transcript transcript = transcript();
        RegisteredBalance template = BalanceOverPtyContract.BALANCE;
        RegisteredBalance registered = new RegisteredBalance(
                template.deviceId(),
                transcript.header("serial"),
                template.accuracyClass(),
                template.maxGrams(),
                template.minGrams(),
                template.verificationIntervalGrams(),
                template.displayIntervalGrams(),
                template.certificateNumber(),
                template.verificationExpiry());
        int replayed = 0;
        for (Transcript.Scenario scenario : transcript.scenarios()) {
            if (!scenario.driver()) {
                continue;
            }
            ReplayLine line = new ReplayLine(scenario.exchanges());
            String outcome;
            try (SerialBalance balance = new SerialBalance(
                    line, protocol(), registered, Clock.systemUTC(), ReadingIds.fromClock(), REPLAY_TIMEOUT)) {
                outcome = run(balance, scenario.steps());
            } catch (ScaleException e) {
                outcome = "fault " + e.fault();
            }
            assertThat(outcome).as(scenario.name()).isEqualTo(scenario.outcome());
            assertThat(line.finished())
                    .as("%s: the driver asked for every recorded exchange", scenario.name())
                    .isTrue();
            replayed++;
        }
        assertThat(replayed).isPositive();
    }

    /** Makes the recorded driver calls; the outcome is the last one's reading. */
    private static String run(SerialBalance balance, List<String> steps) {
        String outcome = "";
        for (String step : steps) {
            switch (step) {
                case "connect" -> {
                    balance.connect();
                    outcome = "connected";
                }
                case "zero" -> {
                    balance.zero();
                    outcome = "zeroed";
                }
                case "live" -> outcome = "live " + balance.readLive().grams().toPlainString() + " g";
                case "weigh" ->
                    outcome = "reading "
                            + balance.weighForTransaction().grossGrams().toPlainString() + " g";
                default -> throw new IllegalArgumentException("unknown driver step " + step);
            }
        }
        return outcome;
    }

    @Test
    void transcriptTextSurvivesARoundTrip() throws IOException {
        Transcript transcript = transcript();
        Transcript again = Transcript.parse(transcript.lines());
        assertThat(again.lines()).isEqualTo(transcript.lines());
    }
}
