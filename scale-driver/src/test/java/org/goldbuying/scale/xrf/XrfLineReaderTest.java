package org.goldbuying.scale.xrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.goldbuying.scale.transport.LineAssembler;
import org.junit.jupiter.api.Test;

class XrfLineReaderTest {
    static final String BLOCK = """
            BEGIN shot=A-0042 model=XR-100 serial=XRF123 time=2026-11-22T09:15:00Z seconds=30
            Au 91.72 % +/- 0.11
            Ag 4.05 % +/- 0.06
            Cu 4.18 % +/- 0.05
            Zn 350 ppm +/- 40
            Pb <LOD
            END shot=A-0042
            """;

    static List<XrfShot> feed(XrfLineReader reader, String text) {
        List<XrfShot> shots = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            reader.accept(line).ifPresent(shots::add);
        }
        return shots;
    }

    static void assertFault(Runnable call, XrfFault expected) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        XrfException.class,
                        e -> assertThat(e.fault()).as(e.getMessage()).isEqualTo(expected));
    }

    @Test
    void defaultFormatGivesEveryField() {
        List<XrfShot> shots = feed(new XrfLineReader(), BLOCK);
        assertThat(shots).hasSize(1);
        XrfShot shot = shots.get(0);
        assertThat(shot.shotId()).isEqualTo("A-0042");
        assertThat(shot.analyser()).isEqualTo(new AnalyserId("XR-100", "XRF123"));
        assertThat(shot.measuredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
        assertThat(shot.measurementTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shot.percent(Element.AU)).isEqualByComparingTo("91.72");
        assertThat(shot.reading(Element.AU).orElseThrow().sigma()).isEqualByComparingTo("0.11");
        assertThat(shot.percent(Element.ZN)).isEqualByComparingTo("0.035");
        assertThat(shot.reading(Element.ZN).orElseThrow().sigma()).isEqualByComparingTo("0.004");
        assertThat(shot.reading(Element.PB).orElseThrow().belowDetection()).isTrue();
        assertThat(shot.percent(Element.PB)).isZero();
        assertThat(shot.source()).isEqualTo(XrfShot.Source.SERIAL_LINE);
        assertThat(shot.raw()).contains("Au 91.72 %");
    }

    @Test
    void screenTextOutsideBlocksIsIgnored() {
        String text =
                "Vanta ready\nTrigger pulled...\n" + BLOCK + "Result saved\n\n" + BLOCK.replace("A-0042", "A-0043");
        assertThat(feed(new XrfLineReader(), text)).extracting(XrfShot::shotId).containsExactly("A-0042", "A-0043");
    }

    @Test
    void sigmaIsOptionalAndDecimalCommaIsConfigurable() {
        XrfLineReader reader = new XrfLineReader(XrfLineFormat.defaults().withDecimalSeparator(','));
        String text = BLOCK.replace("91.72 % +/- 0.11", "91,72 %")
                .replace("4.05", "4,05")
                .replace("4.18", "4,18")
                .replace("0.06", "0,06")
                .replace("0.05", "0,05");
        XrfShot shot = feed(reader, text).get(0);
        assertThat(shot.percent(Element.AU)).isEqualByComparingTo("91.72");
        assertThat(shot.reading(Element.AU).orElseThrow().sigma()).isNull();
    }

    @Test
    void badLinesRejectTheWholeBlockAndReadingResumes() {
        for (String bad : List.of(
                "Au 91.72 %% +/- 0.11",
                "Au 91.7.2 % +/- 0.11",
                "Au 91.72 % 0.11",
                "Au 91.72 % +/- 0.11 extra",
                "Au 191.72 %",
                "Au",
                "Au -1 %",
                "Au 91.72 g")) {
            XrfLineReader reader = new XrfLineReader();
            assertFault(() -> feed(reader, BLOCK.replace("Au 91.72 % +/- 0.11", bad)), XrfFault.MALFORMED_RECORD);
            assertThat(reader.inBlock()).isFalse();
            assertThat(feed(reader, BLOCK)).hasSize(1);
        }
    }

    @Test
    void typedFaultsForStructure() {
        assertFault(() -> feed(new XrfLineReader(), BLOCK.replace("Cu 4.18", "Xx 4.18")), XrfFault.UNKNOWN_ELEMENT);
        assertFault(() -> feed(new XrfLineReader(), BLOCK.replace("Cu 4.18", "Ag 4.18")), XrfFault.MALFORMED_RECORD);
        assertFault(
                () -> feed(new XrfLineReader(), BLOCK.replace("END shot=A-0042", "END shot=A-9")),
                XrfFault.MALFORMED_RECORD);
        assertFault(() -> feed(new XrfLineReader(), BLOCK.replace("seconds=30", "")), XrfFault.MALFORMED_RECORD);
        assertFault(
                () -> feed(new XrfLineReader(), BLOCK.replace("time=2026-11-22T09:15:00Z", "time=yesterday")),
                XrfFault.MALFORMED_RECORD);
    }

    @Test
    void blockCutOffByANewStartIsReportedAndTheNewOneRead() {
        XrfLineReader reader = new XrfLineReader();
        String cut = BLOCK.substring(0, BLOCK.indexOf("Cu"));
        feed(reader, cut);
        List<XrfShot> shots = new ArrayList<>();
        List<XrfException> errors = new ArrayList<>();
        for (String line : BLOCK.replace("A-0042", "A-0050").split("\n")) {
            try {
                reader.accept(line).ifPresent(shots::add);
            } catch (XrfException e) {
                errors.add(e);
            }
        }
        assertThat(errors).extracting(XrfException::fault).containsExactly(XrfFault.INCOMPLETE_RECORD);
        assertThat(shots).extracting(XrfShot::shotId).containsExactly("A-0050");
    }

    @Test
    void lostEndMarkerDoesNotGrowForever() {
        XrfLineReader reader = new XrfLineReader();
        reader.accept(BLOCK.lines().findFirst().orElseThrow());
        assertFault(
                () -> {
                    for (int i = 0; i < 100; i++) {
                        reader.accept("");
                    }
                },
                XrfFault.INCOMPLETE_RECORD);
        assertThat(reader.inBlock()).isFalse();
    }

    @Test
    void screenTextInsideABlockRejectsIt() {
        XrfLineReader reader = new XrfLineReader();
        reader.accept(BLOCK.lines().findFirst().orElseThrow());
        assertFault(() -> reader.accept("Screen text"), XrfFault.UNKNOWN_ELEMENT);
        assertThat(reader.inBlock()).isFalse();
    }

    @Test
    void everyChunkSplitGivesTheSameShot() {
        byte[] bytes = BLOCK.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        XrfShot expected = feed(new XrfLineReader(), BLOCK).get(0);
        for (int cut = 0; cut <= bytes.length; cut++) {
            for (int cut2 = cut; cut2 <= bytes.length; cut2 += 7) {
                XrfLineReader reader = new XrfLineReader();
                List<XrfShot> shots = new ArrayList<>();
                LineAssembler assembler =
                        new LineAssembler(256, line -> reader.accept(line).ifPresent(shots::add), overflow -> {});
                assembler.accept(bytes, 0, cut);
                assembler.accept(bytes, cut, cut2 - cut);
                assembler.accept(bytes, cut2, bytes.length - cut2);
                assertThat(shots).as("cut at %d,%d", cut, cut2).hasSize(1);
                assertThat(shots.get(0).readings()).isEqualTo(expected.readings());
            }
        }
    }

    /** Mutated blocks give a typed fault or a shot whose values all appear in the block's text. */
    @Test
    void fuzzedBlocksGiveTypedFaultsOnly() {
        Random random = new Random(4);
        String alphabet = " .,%+/-0123456789AuAgCuPbppmLODBEGINEND<=\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(BLOCK);
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                int at = random.nextInt(sb.length());
                char c = random.nextInt(4) == 0
                        ? (char) random.nextInt(128)
                        : alphabet.charAt(random.nextInt(alphabet.length()));
                if (random.nextBoolean()) {
                    sb.setCharAt(at, c);
                } else {
                    sb.insert(at, c);
                }
            }
            String text = sb.toString();
            XrfLineReader reader = new XrfLineReader();
            for (String line : text.split("\n", -1)) {
                Optional<XrfShot> shot;
                try {
                    shot = reader.accept(line);
                } catch (XrfException typed) {
                    assertThat(typed.fault()).isNotNull();
                    continue;
                } catch (RuntimeException untyped) {
                    throw new AssertionError("untyped " + untyped + " for:\n" + text, untyped);
                }
                shot.ifPresent(s -> s.readings().values().forEach(r -> {
                    if (!r.belowDetection()) {
                        assertThat(r.percent()).isBetween(java.math.BigDecimal.ZERO, new java.math.BigDecimal("100"));
                    }
                }));
            }
        }
    }
}
