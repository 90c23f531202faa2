package org.goldbuying.scale.kern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameFixtures;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernParserTest {
    static final List<String> FRAMES = List.of(
            "    123.45 g  ",
            "    123.45    ",
            "-     0.02 g",
            "ST,GS   1.000KG",
            "US,NT   0.500kg",
            "ST,GS -  0.010KG");

    static WeightFrame parse(String line) {
        return KernParser.weight(line, MassUnit.GRAM);
    }

    @Test
    void unitLessFrameIsUnstable() {
        assertThat(parse("    123.45 g  ").stable()).isTrue();
        WeightFrame unstable = KernParser.weight("    0.12345    ", MassUnit.KILOGRAM);
        assertThat(unstable.stable()).isFalse();
        assertThat(unstable.grams()).isEqualByComparingTo("123.45");
        assertThat(parse("-     0.02 g").grams()).isEqualByComparingTo("-0.02");
    }

    @Test
    void taggedFrames() {
        WeightFrame frame = parse("ST,GS   1.000KG");
        assertThat(frame.stable()).isTrue();
        assertThat(frame.grams()).isEqualByComparingTo("1000");
        assertThat(parse("US,NT   0.500kg").stable()).isFalse();
        assertThat(parse("ST,GS -  0.010KG").grams()).isEqualByComparingTo("-10");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Error | DEVICE_ERROR",
                "  Error 4 | DEVICE_ERROR",
                "OL,GS | OVERLOAD",
                "OL,GS -  9.999KG | UNDERLOAD",
                "    123.45 lb | UNIT_MISMATCH",
                "ST,GS   1.000LB | UNIT_MISMATCH",
                "ST,TR   1.000KG | MALFORMED",
                "XX,GS   1.000KG | MALFORMED",
                "ST,GS   1.000 | MALFORMED",
                "ST,GS   1 .000KG | MALFORMED",
                "ST,GS   KG | MALFORMED",
                "ST,GS   1.000K3G | MALFORMED",
                "    12 3.45 g | MALFORMED",
                "    123.45 g x | MALFORMED",
                "- -123.45 g | MALFORMED",
                "'   ' | MALFORMED",
            })
    void everyFaultIsTyped(String line, ScaleFault expected) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    @Test
    void singleByteCommandsWithoutTerminator() {
        KernProtocol protocol = new KernProtocol();
        assertThat(protocol.stableWeightCommand()).isEqualTo("s");
        assertThat(protocol.liveWeightCommand()).isEqualTo("w");
        assertThat(protocol.zeroCommand()).isEqualTo("t");
        assertThat(protocol.serialNumberCommand()).isEmpty();
        assertThat(KernProtocol.withKcpSerialNumber().parseSerialNumber("I4 A \"WB123456\""))
                .isEqualTo("WB123456");
    }

    @Test
    void everyChunkSplitGivesTheSameFrames() {
        String stream = String.join("\r\n", FRAMES) + "\r\n";
        FrameFixtures.everyChunkSplitGivesTheSameFrames(stream, FRAMES, KernParserTest::parse);
    }

    @Test
    void fuzzedLinesGiveTypedFaultsOrFramesInTheGrammar() {
        Pattern grammar = Pattern.compile(
                " *(?:(?:[+-] +)?[+-]?[0-9]*\\.?[0-9]+(?: +(?:g|kg|mg|ct|ozt))?"
                        + "|(?:ST|US),(?:GS|NT) *(?:[+-] *)?[0-9]*\\.?[0-9]+ *(?:g|kg|mg|ct|ozt)) *",
                Pattern.CASE_INSENSITIVE);
        FrameFixtures.fuzz(19, FRAMES, grammar, KernParserTest::parse);
    }
}
