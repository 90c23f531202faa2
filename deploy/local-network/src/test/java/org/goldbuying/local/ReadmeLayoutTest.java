package org.goldbuying.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's Layout table names each service's feature packages: exactly the ones in the code, no more, no fewer. */
class ReadmeLayoutTest {
    static final Path ROOT =
            Path.of(System.getProperty("gold.root", "../..")).toAbsolutePath().normalize();
    static final Pattern PACKAGE = Pattern.compile("`([a-z]+)/`");

    @ParameterizedTest
    @CsvSource({"buying-station, org/goldbuying/station", "central-office, org/goldbuying/centre"})
    void theReadmeListsEveryFeaturePackageOfTheService(String module, String rootPackage) throws IOException {
        String row = Files.readAllLines(ROOT.resolve("README.md")).stream()
                .filter(line -> line.startsWith("| `" + module + "/` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no Layout row for " + module));
        Set<String> listed = new TreeSet<>();
        Matcher matcher = PACKAGE.matcher(row.substring(("| `" + module + "/` |").length()));
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        Set<String> inCode;
        try (Stream<Path> entries =
                Files.list(ROOT.resolve(module).resolve("src/main/java").resolve(rootPackage))) {
            inCode = entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed)
                .as("feature packages the README lists for %s", module)
                .isEqualTo(inCode);
    }
}
