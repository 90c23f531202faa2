package org.goldbuying.centre.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Price depends on policy, never the other way: policy announces an approval ({@link PolicyChanged}) and price
 * listens. Read from the sources, so a new import (or a fully qualified name) of price in policy fails here.
 */
class PolicyIndependenceTest {
    static final Path POLICY = Path.of("src/main/java/org/goldbuying/centre/policy");

    @Test
    void policyNamesNothingOfPrice() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(POLICY)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(5);
        List<String> offenders = sources.stream()
                .filter(f -> read(f).contains("org.goldbuying.centre.price"))
                .map(f -> f.getFileName().toString())
                .toList();
        assertThat(offenders)
                .as("policy classes naming org.goldbuying.centre.price")
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
