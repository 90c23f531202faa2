package org.goldbuying.scale.and;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.FrameFixtures;
import org.goldbuying.scale.balance.WeightFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AndParserTest {
    static final List<String> FRAMES = List.of(
            "ST,+00123.45  g",
            "US,+00012.34  g",
            "ST,-00000.02  g",
            "ST,+0.123456 kg",
            "OK,ST,+00123.45  g",
            "ST,+00123.45  g,HI");

    @Test
    void headersSayStableOrNot() {
        WeightFrame stable = AndParser.weight("ST,+00123.45  g");
        assertThat(stable.stable()).isTrue();
        assertThat(stable.grams()).isEqualByComparingTo("123.45");
        assertThat(AndParser.weight("US,+00012.34  g").stable()).isFalse();
        assertThat(AndParser.weight("ST,-00000.02  g").grams()).isEqualByComparingTo("-0.02");
        assertThat(AndParser.weight("ST,+0.123456 kg").grams()).isEqualByComparingTo("123.456");
    }

    @Test
    void comparatorFieldIsIgnored() {
        assertThat(AndParser.weight("OK,ST,+00123.45  g").grams()).isEqualByComparingTo("123.45");
        assertThat(AndParser.weight("ST,+00123.45  g,LO").stable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OL,+9999999E+19 | OVERLOAD",
                "OL,-9999999E+19 | UNDERLOAD",
                "QT,+0000100 PC | UNIT_MISMATCH",
                "ST,+00123.45mom | UNIT_MISMATCH",
                "EC,E11 | DEVICE_ERROR",
                "WT,+00123.45  g | MALFORMED",
                "ST,+00123.45 g | MALFORMED",
                "ST,+00123.45g   | MALFORMED",
                "ST,00123.450  g | MALFORMED",
                "ST,+-0123.45  g | MALFORMED",
                "ST,+001 3.45  g | MALFORMED",
                "ST,+00123.45    | MALFORMED",
                "XX,ST,+00123.45  g | MALFORMED",
                "ST | MALFORMED",
            })
    void everyFaultIsTyped(String line, ScaleFault expected) {
        assertThatThrownBy(() -> AndParser.weight(line))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    @Test
    void serialNumberAndAcknowledgement() {
        assertThat(AndParser.serialNumber("SN,01234567")).isEqualTo("01234567");
        assertThat(AndParser.serialNumber("SN,\"T1234567\"")).isEqualTo("T1234567");
        assertThatThrownBy(() -> AndParser.serialNumber("TN,GX-224A"))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.MALFORMED));
        AndParser.acknowledged(AndProtocol.ACK);
        assertThatThrownBy(() -> AndParser.acknowledged("EC,E01"))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DEVICE_ERROR));
    }

    @Test
    void commands() {
        AndProtocol protocol = new AndProtocol();
        assertThat(protocol.stableWeightCommand()).isEqualTo("S\r\n");
        assertThat(protocol.liveWeightCommand()).isEqualTo("Q\r\n");
        assertThat(protocol.serialNumberCommand()).contains("?SN\r\n");
        assertThat(List.of(AndProtocol.CONTINUOUS, AndProtocol.CANCEL, AndProtocol.REZERO, AndProtocol.TARE))
                .containsExactly("SIR", "C", "Z", "T");
    }

    @Test
    void everyChunkSplitGivesTheSameFrames() {
        String stream = String.join("\r\n", FRAMES) + "\r\n";
        FrameFixtures.everyChunkSplitGivesTheSameFrames(stream, FRAMES, AndParser::weight);
    }

    @Test
    void fuzzedLinesGiveTypedFaultsOrFramesInTheGrammar() {
        Pattern grammar = Pattern.compile(
                "(?:(?:OK|HI|LO|GO),)?(?:ST|US),[+-][0-9.]{8}(?:  g| kg| mg| ct|ozt)(?:,(?:OK|HI|LO|GO))?");
        FrameFixtures.fuzz(17, FRAMES, grammar, AndParser::weight);
    }
}
