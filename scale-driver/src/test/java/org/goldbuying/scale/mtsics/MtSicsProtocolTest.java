package org.goldbuying.scale.mtsics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.goldbuying.scale.balance.FrameFixtures;
import org.junit.jupiter.api.Test;

/** MT-SICS through the common protocol interface, with the same split and fuzz checks as the other protocols. */
class MtSicsProtocolTest {
    static final List<String> FRAMES =
            List.of("S S     100.00 g", "S D      12.34 g", "S S  -0.02 g", "S S 0.12345 kg", "T S       5.00 g");
    final MtSicsProtocol protocol = new MtSicsProtocol();

    @Test
    void commands() {
        assertThat(protocol.stableWeightCommand()).isEqualTo("S\r\n");
        assertThat(protocol.liveWeightCommand()).isEqualTo("SI\r\n");
        assertThat(protocol.serialNumberCommand()).contains("I4\r\n");
        assertThat(protocol.zeroCommand()).isEqualTo("Z\r\n");
        assertThat(protocol.parseSerialNumber("I4 A \"B912345678\"")).isEqualTo("B912345678");
        protocol.checkZeroReply("Z A");
    }

    @Test
    void everyChunkSplitGivesTheSameFrames() {
        FrameFixtures.everyChunkSplitGivesTheSameFrames(
                String.join("\r\n", FRAMES) + "\r\n", FRAMES, protocol::parseWeight);
    }

    @Test
    void fuzzedLinesGiveTypedFaultsOrFramesInTheGrammar() {
        Pattern grammar =
                Pattern.compile("[ \\t]*[ST][ \\t]+[SD][ \\t]+[+-]?[0-9]*\\.?[0-9]+[ \\t]+(?:g|kg|mg|ct|ozt)[ \\t]*");
        FrameFixtures.fuzz(15, FRAMES, grammar, protocol::parseWeight);
    }
}
