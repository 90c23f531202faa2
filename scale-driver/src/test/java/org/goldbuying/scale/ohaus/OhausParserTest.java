package org.goldbuying.scale.ohaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OhausParserTest {
    static final List<String> FRAMES = List.of(
            "     123.45 g",
            "     123.45 g ?",
            "      -0.02 g   N",
            "    0.12345 kg",
            "    12.3456 ozt G",
            "-       5.00 g",
            "     100.00 g    ACCEPT");

    @Test
    void questionMarkMeansUnstable() {
        assertThat(OhausParser.weight("     123.45 g").stable()).isTrue();
        assertThat(OhausParser.weight("     123.45 g ?").stable()).isFalse();
        assertThat(OhausParser.weight("     123.45 g ?").grams()).isEqualByComparingTo("123.45");
    }

    @Test
    void signsUnitsAndExtraFields() {
        assertThat(OhausParser.weight("      -0.02 g   N").grams()).isEqualByComparingTo("-0.02");
        assertThat(OhausParser.weight("-       5.00 g").grams()).isEqualByComparingTo("-5.00");
        assertThat(OhausParser.weight("    0.12345 kg").grams()).isEqualByComparingTo("123.45");
        assertThat(OhausParser.weight("     100.00 g    ACCEPT").stable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ES | DEVICE_ERROR",
                "     123.45 lb | UNIT_MISMATCH",
                "     123.45 | MALFORMED",
                "     123.45 g ? ? | MALFORMED",
                "     123.45 g N ? | MALFORMED",
                "     123.45 g X | MALFORMED",
                "- -123.45 g | MALFORMED",
                "     12 3.45 g | MALFORMED",
                "'      ' | MALFORMED",
                "     g 123.45 | MALFORMED",
            })
    void everyFaultIsTyped(String line, ScaleFault expected) {
        assertThatThrownBy(() -> OhausParser.weight(line))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    @Test
    void serialNumberAndCommands() {
        assertThat(OhausParser.serialNumber("SN: B123456789")).isEqualTo("B123456789");
        assertThatThrownBy(() -> OhausParser.serialNumber("ES"))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DEVICE_ERROR));
        OhausProtocol protocol = new OhausProtocol();
        assertThat(protocol.stableWeightCommand()).isEqualTo("SP\r\n");
        assertThat(protocol.liveWeightCommand()).isEqualTo("IP\r\n");
        assertThat(OhausProtocol.CONTINUOUS_PRINT).isEqualTo("CP");
    }

    @Test
    void everyChunkSplitGivesTheSameFrames() {
        String stream = String.join("\r\n", FRAMES) + "\r\n";
        FrameFixtures.everyChunkSplitGivesTheSameFrames(stream, FRAMES, OhausParser::weight);
    }

    @Test
    void fuzzedLinesGiveTypedFaultsOrFramesInTheGrammar() {
        Pattern grammar = Pattern.compile(
                " *(?:- +)?[+-]?[0-9]*\\.?[0-9]+ +(?:g|kg|mg|ct|ozt)(?: +\\?)?"
                        + "(?: +(?:N|G|NET|GROSS|OVER|UNDER|ACCEPT)){0,3} *",
                Pattern.CASE_INSENSITIVE);
        FrameFixtures.fuzz(18, FRAMES, grammar, OhausParser::weight);
    }
}
