package org.goldbuying.scale.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.LineAssembler;

/** Checks every parser gets: chunk splits through the line assembler, and fuzzing with random and mutated lines. */
public final class FrameFixtures {
    private FrameFixtures() {}

    /**
     * Serial reads split frames anywhere: cut the stream at every pair of positions (three chunks, which covers
     * every single cut and every frame split in two places) and check the same lines come out and parse.
     */
    public static void everyChunkSplitGivesTheSameFrames(String stream, List<String> expected, Consumer<String> parse) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                List<String> lines = new ArrayList<>();
                LineAssembler assembler = new LineAssembler(64, lines::add, overflow -> fail(overflow));
                assembler.accept(bytes, 0, first);
                assembler.accept(bytes, first, second - first);
                assembler.accept(bytes, second, bytes.length - second);
                assertThat(lines).as("split at %d,%d", first, second).isEqualTo(expected);
                assertThat(assembler.pendingBytes()).isZero();
            }
        }
        // Byte by byte, the worst case a USB adapter produces.
        List<String> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(64, lines::add, overflow -> fail(overflow));
        for (int i = 0; i < bytes.length; i++) {
            assembler.accept(bytes, i, 1);
        }
        assertThat(lines).isEqualTo(expected);
        expected.forEach(parse);
    }

    /**
     * Random lines and single-byte mutations of valid frames: the parser may only return a frame or throw a
     * typed {@link ScaleException}; whatever it accepts must match the protocol's grammar, written independently
     * as a regular expression in the test.
     */
    public static void fuzz(long seed, List<String> validFrames, Pattern grammar, Function<String, WeightFrame> parse) {
        Random random = new Random(seed);
        String alphabet = " +-.,0123456789?gGkKmMcCtTozSsNLHEIUrQO\"#";
        for (int i = 0; i < 100_000; i++) {
            String line;
            switch (i % 3) {
                case 0 -> {
                    byte[] junk = new byte[random.nextInt(26)];
                    random.nextBytes(junk);
                    line = new String(junk, StandardCharsets.ISO_8859_1);
                }
                case 1 -> {
                    StringBuilder sb = new StringBuilder();
                    int n = random.nextInt(26);
                    for (int k = 0; k < n; k++) {
                        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    line = sb.toString();
                }
                default -> line = mutate(validFrames.get(random.nextInt(validFrames.size())), random);
            }
            check(line, grammar, parse);
        }
    }

    private static String mutate(String frame, Random random) {
        StringBuilder sb = new StringBuilder(frame);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            char c = (char) (random.nextBoolean() ? random.nextInt(256) : " +-.,09gk?SU".charAt(random.nextInt(12)));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, c);
                    }
                }
                case 1 -> sb.insert(at, c);
                default -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void check(String line, Pattern grammar, Function<String, WeightFrame> parse) {
        WeightFrame frame;
        try {
            frame = parse.apply(line);
        } catch (ScaleException typed) {
            assertThat(typed.fault()).isNotNull();
            assertThat(typed.clerkMessage()).isNotBlank();
            return;
        } catch (RuntimeException untyped) {
            throw new AssertionError("untyped " + untyped + " for '" + FrameText.printable(line) + "'", untyped);
        }
        assertThat(grammar.matcher(line).matches())
                .as("accepted a line outside the grammar: '%s'", FrameText.printable(line))
                .isTrue();
        assertThat(frame.rawFrame()).isEqualTo(line);
    }
}
