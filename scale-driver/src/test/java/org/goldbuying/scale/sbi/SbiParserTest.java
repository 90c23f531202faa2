package org.goldbuying.scale.sbi;

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

class SbiParserTest {
    static final List<String> FRAMES = List.of(
            "+   123.45 g  ",
            "+   123.45    ",
            "-     0.02 g  ",
            "    0.1234 kg ",
            "N     +   123.45 g  ",
            "G#    +   100.00 g  ",
            "      +    1.000 ozt");

    static WeightFrame parse(String line) {
        return SbiParser.weight(line, MassUnit.GRAM);
    }

    @Test
    void stableFrameCarriesItsUnit() {
        WeightFrame frame = parse("+   123.45 g  ");
        assertThat(frame.stable()).isTrue();
        assertThat(frame.grams()).isEqualByComparingTo("123.45");
        assertThat(frame.rawFrame()).isEqualTo("+   123.45 g  ");
    }

    @Test
    void blankUnitMeansUnstableAndIsReadInTheConfiguredUnit() {
        WeightFrame frame = SbiParser.weight("+   0.1234    ", MassUnit.KILOGRAM);
        assertThat(frame.stable()).isFalse();
        assertThat(frame.grams()).isEqualByComparingTo("123.4");
    }

    @Test
    void signAndOtherUnits() {
        assertThat(parse("-     0.02 g  ").grams()).isEqualByComparingTo("-0.02");
        assertThat(parse("    0.1234 kg ").grams()).isEqualByComparingTo("123.4");
        assertThat(parse("      +    1.000 ozt").grams()).isEqualByComparingTo("31.1034768");
    }

    @Test
    void longFrameIdentifiesNetOrGross() {
        assertThat(parse("N     +   123.45 g  ").grams()).isEqualByComparingTo("123.45");
        assertThat(parse("G#    +   100.00 g  ").stable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "'         H    ', OVERLOAD",
        "'+       H     ', OVERLOAD",
        "'N             L     ', UNDERLOAD",
        "'         C    ', BUSY",
        "'  Err 101     ', DEVICE_ERROR",
        "'Err 54', DEVICE_ERROR",
        "'+   123.45 lb ', UNIT_MISMATCH",
        "'+   123.45 Mg ', UNIT_MISMATCH",
        "'T     +     1.00 g  ', MALFORMED",
        "'X     +     1.00 g  ', MALFORMED",
        "' N    +     1.00 g  ', MALFORMED",
        "'+   123.45 g ', MALFORMED",
        "'+   123.45 g   ', MALFORMED",
        "'+  1 23.45 g  ', MALFORMED",
        "'+  -123.45 g  ', MALFORMED",
        "'+ 123.45   g  ', MALFORMED",
        "'+   123.45  g ', MALFORMED",
        "'*   123.45 g  ', MALFORMED",
        "'+   123.4. g  ', MALFORMED",
        "'+          g  ', MALFORMED",
        "'              ', MALFORMED",
        "'+   123.45 g\u0007 ', MALFORMED",
    })
    void everyFaultIsTyped(String line, ScaleFault expected) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    @Test
    void serialNumberIsTheLastField() {
        assertThat(SbiParser.serialNumber("0012345678")).isEqualTo("0012345678");
        assertThat(SbiParser.serialNumber("SerNo.     0012345678")).isEqualTo("0012345678");
        assertThatThrownBy(() -> SbiParser.serialNumber("Err 02"))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DEVICE_ERROR));
        assertThatThrownBy(() -> SbiParser.serialNumber("   "))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.MALFORMED));
    }

    @Test
    void commandsAreEscapeSequences() {
        SbiProtocol protocol = new SbiProtocol();
        assertThat(protocol.stableWeightCommand()).isEqualTo("\u001bP\r\n");
        assertThat(protocol.serialNumberCommand()).contains("\u001bx2_\r\n");
        assertThat(protocol.zeroCommand()).isEqualTo("\u001bV\r\n");
        assertThat(SbiProtocol.TARE).isEqualTo("\u001bU");
        assertThat(SbiProtocol.TARE_ZERO).isEqualTo("\u001bT");
    }

    @Test
    void everyChunkSplitGivesTheSameFrames() {
        String stream = String.join("\r\n", FRAMES) + "\r\n";
        FrameFixtures.everyChunkSplitGivesTheSameFrames(stream, FRAMES, SbiParserTest::parse);
    }

    @Test
    void fuzzedLinesGiveTypedFaultsOrFramesInTheGrammar() {
        Pattern grammar =
                Pattern.compile("(?:N {5}|G {5}|G# {4}|NET {3}| {6})?[+\\- ] [ 0-9.]{8} (?:g  |kg |mg |ct |ozt|   )");
        FrameFixtures.fuzz(16, FRAMES, grammar, SbiParserTest::parse);
    }
}
