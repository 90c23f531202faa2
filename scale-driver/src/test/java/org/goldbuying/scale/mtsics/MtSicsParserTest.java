package org.goldbuying.scale.mtsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.transport.LineAssembler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MtSicsParserTest {

    @Test
    void stableWeightIsReadExactly() {
        WeightFrame frame = MtSicsParser.weight(MtSicsParser.parse("S S     100.00 g"));
        assertThat(frame.stable()).isTrue();
        assertThat(frame.grams()).isEqualByComparingTo("100.00");
        assertThat(frame.rawFrame()).isEqualTo("S S     100.00 g");
    }

    @Test
    void dynamicWeightIsMarkedUnstable() {
        WeightFrame frame = MtSicsParser.weight(MtSicsParser.parse("S D      12.34 g"));
        assertThat(frame.stable()).isFalse();
        assertThat(frame.grams()).isEqualByComparingTo("12.34");
    }

    @Test
    void otherUnitsConvertExactly() {
        assertThat(MtSicsParser.weight(MtSicsParser.parse("S S 0.12345 kg")).grams())
                .isEqualByComparingTo("123.45");
        assertThat(MtSicsParser.weight(MtSicsParser.parse("S S 1.000 ozt")).grams())
                .isEqualByComparingTo("31.1034768");
    }

    @ParameterizedTest
    @CsvSource({
        "S I, UNSTABLE",
        "S +, OVERLOAD",
        "S -, UNDERLOAD",
        "ES, DEVICE_ERROR",
        "ET, MALFORMED",
        "EL, DEVICE_ERROR",
        "S S 12.00 lb, UNIT_MISMATCH",
        "S S 12.00 dwt, UNIT_MISMATCH",
        "S S 12..0 g, MALFORMED",
        "S S abc g, MALFORMED",
        "S S 12.00, MALFORMED",
        "S X 12.00 g, MALFORMED",
        "s s 12.00 g, MALFORMED",
        "S, MALFORMED",
    })
    void everyFaultIsTyped(String line, ScaleFault expected) {
        assertThatThrownBy(() -> MtSicsParser.weight(MtSicsParser.parse(line)))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    @Test
    void serialNumberComesFromI4() {
        assertThat(MtSicsParser.serialNumber(MtSicsParser.parse("I4 A \"B912345678\"")))
                .isEqualTo("B912345678");
        assertThat(MtSicsParser.parse("I2 A \"XPR2003S DR\" 2100.00 g").fields())
                .containsExactly("XPR2003S DR", "2100.00", "g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z A", "ZI D"})
    void zeroDone(String line) {
        MtSicsParser.zeroDone(MtSicsParser.parse(line));
    }

    @ParameterizedTest
    @CsvSource({"Z I, BUSY", "Z +, OVERLOAD", "Z -, UNDERLOAD"})
    void zeroFaults(String line, ScaleFault expected) {
        assertThatThrownBy(() -> MtSicsParser.zeroDone(MtSicsParser.parse(line)))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(expected));
    }

    /** Serial reads split frames anywhere: every split of the stream must give the same lines. */
    @Test
    void everyChunkSplitGivesTheSameFrames() {
        String stream = "S S     100.00 g\r\nS D      12.34 g\r\nI4 A \"B912345678\"\r\nS +\r\nES\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.US_ASCII);
        List<String> expected = List.of("S S     100.00 g", "S D      12.34 g", "I4 A \"B912345678\"", "S +", "ES");
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                List<String> lines = new ArrayList<>();
                LineAssembler assembler = new LineAssembler(64, lines::add, overflow -> {});
                assembler.accept(bytes, 0, first);
                assembler.accept(bytes, first, second - first);
                assembler.accept(bytes, second, bytes.length - second);
                assertThat(lines).as("split at %d,%d", first, second).isEqualTo(expected);
                lines.forEach(MtSicsParser::parse);
            }
        }
    }

    /** Random bytes never escape as anything but a typed fault, and never become a stable weight by accident. */
    @Test
    void randomBytesGiveOnlyTypedFaults() {
        Random random = new Random(20261122);
        for (int i = 0; i < 200_000; i++) {
            byte[] junk = new byte[random.nextInt(24)];
            random.nextBytes(junk);
            String line = new String(junk, StandardCharsets.ISO_8859_1);
            try {
                WeightFrame frame = MtSicsParser.weight(MtSicsParser.parse(line));
                assertThat(line).startsWith("S ");
                assertThat(frame.grams()).isNotNull();
            } catch (ScaleException expected) {
                assertThat(expected.fault()).isNotNull();
            }
        }
    }

    @Test
    void overlongLinesAreDiscardedNotParsedFromTheirTail() {
        List<String> lines = new ArrayList<>();
        List<String> overflows = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(16, lines::add, overflows::add);
        byte[] bytes = ("x".repeat(40) + "S S 1.00 g\r\nS S 2.00 g\r\n").getBytes(StandardCharsets.US_ASCII);
        assembler.accept(bytes, 0, bytes.length);
        assertThat(lines).containsExactly("S S 2.00 g");
        assertThat(overflows).hasSize(1);
        assertThat(MtSicsParser.weight(MtSicsParser.parse(lines.get(0))).grams())
                .isEqualByComparingTo(new BigDecimal("2.00"));
    }
}
