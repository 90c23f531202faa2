package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.goldbuying.scale.balance.FakeSerialLine;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.xrf.AnalyserId;
import org.junit.jupiter.api.Test;

/** The command-line tool's commands drive the simulators (here on a fake line that records what they send). */
class SimulatorCliTest {

    /** A line that records what the device end sends and lets the test play the host. */
    static final class RecordingLine extends FakeSerialLine {
        final List<String> sent = new ArrayList<>();
        SerialLine.Listener device;

        RecordingLine() {
            super(text -> null);
        }

        @Override
        public void open(SerialLine.Listener listener) {
            device = listener;
        }

        @Override
        public void write(String text) {
            sent.add(text);
        }
    }

    static void sendBytes(RecordingLine line, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        line.device.onBytes(bytes, 0, bytes.length);
    }

    @Test
    void balanceCommands() {
        RecordingLine line = new RecordingLine();
        BalanceSimulator sim = SimulatorCli.balance("sbi", line, "SN1", 2);
        sim.start();
        assertThat(SimulatorCli.execute(sim, "place 12.5")).isEqualTo("placed 12.5 g");
        sendBytes(line, "\u001bP\r\n");
        assertThat(line.sent).containsExactly("+    12.50 g  \r\n");
        assertThat(SimulatorCli.execute(sim, "serial OTHER")).isEqualTo("ok");
        sendBytes(line, "\u001bx2_\r\n");
        assertThat(line.sent.get(1)).contains("OTHER");
        assertThat(SimulatorCli.execute(sim, "raw abc\\r\\n")).isEqualTo("ok");
        assertThat(line.sent.get(2)).isEqualTo("abc\r\n");
        assertThat(SimulatorCli.execute(sim, "stability 500")).isEqualTo("ok");
        assertThat(SimulatorCli.execute(sim, "place lots")).startsWith("not done");
        assertThat(SimulatorCli.execute(sim, "dance")).startsWith("unknown command");
    }

    @Test
    void xrfCommands() {
        RecordingLine line = new RecordingLine();
        XrfSimulator xrf = new XrfSimulator(line, new AnalyserId("XR", "1")).start();
        assertThat(SimulatorCli.executeXrf(xrf, "shoot S9 Au=91.7 Ag=4.1 Pb=<LOD seconds=15"))
                .isEqualTo("sent shot S9");
        assertThat(line.sent.get(0))
                .contains("shot=S9")
                .contains("Au 91.7 %")
                .contains("Pb <LOD")
                .contains("seconds=15");
        assertThat(SimulatorCli.executeXrf(xrf, "shoot S10 Xx=1")).startsWith("not done");
    }
}
