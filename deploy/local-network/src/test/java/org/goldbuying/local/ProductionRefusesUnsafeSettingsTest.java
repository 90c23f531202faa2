package org.goldbuying.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.goldbuying.contracts.StationSigningKey;
import org.junit.jupiter.api.Test;

/**
 * Each packaged service started as production starts it (the prod profile, configured by environment variables)
 * with settings a careless installation would leave: it refuses before trying any connection, names every variable
 * to set, and exits with status 78.
 */
class ProductionRefusesUnsafeSettingsTest {
    static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    record Outcome(int exitStatus, String output) {}

    static Outcome start(String jar, Map<String, String> environment) throws IOException, InterruptedException {
        return start(jar, environment, List.of());
    }

    static Outcome start(String jar, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        Path runDir = Files.createDirectories(Path.of("target", "unsafe-production"));
        Path output = runDir.resolve(Path.of(jar).getName(0) + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-Djava.io.tmpdir=" + runDir.toAbsolutePath(),
                "-jar",
                ROOT.resolve(jar).toString()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // a bare installation: nothing of the developer's environment (no QUARKUS_PROFILE, no service variables)
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("the service stops at once")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void theStationNamesEveryUnsafeSettingAndDoesNotStart() throws Exception {
        Outcome outcome = start(
                "buying-station/target/quarkus-app/quarkus-run.jar",
                Map.of(
                        "STATION_DB_PASSWORD", "",
                        "STATION_RECEIPT_VERIFY_URL", "http://localhost:8080/verify",
                        "STATION_DEMO_ACCOUNTS", "true",
                        "STATION_MOBILE_MONEY_GATEWAY", "simulator",
                        "STATION_SIGNING_KEY_FILE", "/nowhere/station.pem"));
        assertThat(outcome.exitStatus()).isEqualTo(78);
        assertThat(outcome.output())
                .contains("buying-station does not start in production with these settings")
                .contains("STATION_DB_PASSWORD is not set")
                .contains("STATION_BALANCE_SERIAL is not set")
                .contains("STATION_BALANCE_D_GRAMS is not set")
                .contains("KAFKA_BOOTSTRAP_SERVERS is not set")
                .contains("STATION_RECEIPT_VERIFY_URL points at this machine")
                .contains("STATION_DEMO_ACCOUNTS is true")
                .contains("STATION_CENTRE_PUBLIC_KEY is not set")
                .contains("STATION_MOBILE_MONEY_GATEWAY=simulator")
                .contains("STATION_SIGNING_KEY_FILE names no file (/nowhere/station.pem)")
                // refused before Quarkus started: no connection was tried
                .doesNotContain("Connection refused")
                .doesNotContain("Profile prod activated");
    }

    /**
     * Installation makes the station's key on the machine, readable by the service's user only, and prints what the
     * centre registers; running it again never replaces the key.
     */
    @Test
    void theStationsKeyIsMadeAtInstallationAndNeverReplaced() throws Exception {
        Path keyFile = Path.of("target", "unsafe-production", "installed", "station.pem")
                .toAbsolutePath();
        Files.deleteIfExists(keyFile);
        String jar = "buying-station/target/quarkus-app/quarkus-run.jar";

        Outcome made = start(jar, Map.of(), List.of("make-signing-key", keyFile.toString()));
        Outcome again = start(jar, Map.of(), List.of("make-signing-key", keyFile.toString()));

        assertThat(made.exitStatus()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        StationSigningKey key = StationSigningKey.readOrCreate(keyFile);
        assertThat(made.output())
                .contains("key id " + key.keyId())
                .contains("public key " + key.publicKey().text())
                .doesNotContain("PRIVATE");
        assertThat(again.exitStatus()).isEqualTo(73);
        assertThat(again.output()).contains("never overwritten");
        assertThat(StationSigningKey.readOrCreate(keyFile).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void theCentreTakesTheSimulatedFeedOnlyOnPurpose() throws Exception {
        Outcome outcome = start(
                "central-office/target/quarkus-app/quarkus-run.jar",
                Map.of("CENTRE_FEED", "simulated", "CENTRE_DB_PASSWORD", " ", "CENTRE_UNSIGNED_STATIONS", "*"));
        assertThat(outcome.exitStatus()).isEqualTo(78);
        for (String named : List.of(
                "CENTRE_DB_PASSWORD is not set",
                "CENTRE_DB_REACTIVE_URL is not set",
                "CENTRE_FX_LOCAL_PER_USD is not set",
                "CENTRE_SIGNING_KEY_FILE is not set",
                "CENTRE_OIDC_URL is not set",
                "CENTRE_FEED=simulated: a simulated feed is not a market price",
                "CENTRE_UNSIGNED_STATIONS=*: any station could send unsigned purchases")) {
            assertThat(outcome.output()).contains(named);
        }
        assertThat(outcome.output()).doesNotContain("Profile prod activated");
    }
}
