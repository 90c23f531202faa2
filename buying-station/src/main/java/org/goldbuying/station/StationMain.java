package org.goldbuying.station;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.web.ProductionSettings;
import org.goldbuying.web.ProductionSettings.Rule;

/**
 * Starts the station, but in production only with settings that are safe: every variable below set on purpose, none
 * left to a developer's default (a demo balance's metrology, a database on localhost), and no demo switch on. The
 * refusal names each variable before any connection is tried (exit status 78).
 */
@QuarkusMain
public final class StationMain {
    static final String MAKE_SIGNING_KEY = "make-signing-key";

    static final List<Rule> PRODUCTION = List.of(
            ProductionSettings.required("STATION_ID", "the station's id keys every purchase at the centre"),
            ProductionSettings.required("STATION_REGION", "the region the station's purchases are reported under"),
            ProductionSettings.required("STATION_DB_REACTIVE_URL", "the station's PostgreSQL"),
            ProductionSettings.required("STATION_DB_JDBC_URL", "the station's PostgreSQL, for migrations"),
            ProductionSettings.required("STATION_DB_USER", "the station's database account"),
            ProductionSettings.required("STATION_DB_PASSWORD", "the database password; an empty one is refused"),
            ProductionSettings.required("KAFKA_BOOTSTRAP_SERVERS", "the Kafka brokers that reach the centre"),
            ProductionSettings.required("STATION_BALANCE_PORT", "the registered balance's serial line"),
            ProductionSettings.required("STATION_BALANCE_SERIAL", "the balance's serial number, from its certificate"),
            ProductionSettings.required("STATION_BALANCE_CERTIFICATE", "the balance's verification certificate"),
            ProductionSettings.required("STATION_BALANCE_VERIFIED_UNTIL", "the date the balance's verification ends"),
            ProductionSettings.required("STATION_BALANCE_CLASS", "the balance's accuracy class (I or II)"),
            ProductionSettings.required("STATION_BALANCE_MAX_GRAMS", "the balance's Max, from its certificate"),
            ProductionSettings.required("STATION_BALANCE_MIN_GRAMS", "the balance's Min, from its certificate"),
            ProductionSettings.required("STATION_BALANCE_E_GRAMS", "the verification interval e"),
            ProductionSettings.required("STATION_BALANCE_D_GRAMS", "the display interval d"),
            ProductionSettings.publicUrl(
                    "STATION_RECEIPT_VERIFY_URL", "the centre's public receipt check, printed in every receipt's QR"),
            ProductionSettings.required(
                    "STATION_CENTRE_PUBLIC_KEY", "the centre's public key; ticks it did not sign are refused"),
            ProductionSettings.existingFile(
                    "STATION_SIGNING_KEY_FILE",
                    "the station's signing key, made at installation with the make-signing-key command"
                            + " (a new key would not be registered at the centre)"),
            ProductionSettings.notTrue("STATION_DEMO_ACCOUNTS", "it seeds demo accounts with known passwords"),
            ProductionSettings.oneOf(
                    "STATION_MOBILE_MONEY_GATEWAY",
                    Set.of("none"),
                    "the simulator pays nobody; production runs none until a real operator's adapter exists"));

    private StationMain() {}

    public static void main(String... args) {
        if (args.length > 0 && MAKE_SIGNING_KEY.equals(args[0])) {
            System.exit(makeSigningKey(args));
        }
        ProductionSettings.refuseUnsafe("buying-station", PRODUCTION);
        Quarkus.run(args);
    }

    /**
     * The installation step that makes the station's key: {@code make-signing-key [file]} (default
     * STATION_SIGNING_KEY_FILE) writes a new private key readable by its owner only and prints what the centre's
     * operators register. An existing key is never replaced: rotating is a new file and a registration.
     */
    static int makeSigningKey(String... args) {
        String file = args.length > 1 ? args[1] : System.getenv("STATION_SIGNING_KEY_FILE");
        if (file == null || file.isBlank()) {
            System.err.println("make-signing-key: name the key file, or set STATION_SIGNING_KEY_FILE");
            return 64;
        }
        Path path = Path.of(file);
        if (Files.exists(path)) {
            System.err.println("make-signing-key: " + path + " exists; a station key is never overwritten");
            return 73;
        }
        try {
            StationSigningKey key = StationSigningKey.readOrCreate(path);
            System.out.println("Station signing key written to " + path + " (readable by its owner only).");
            System.out.println("Register it at the centre: key id " + key.keyId() + ", public key "
                    + key.publicKey().text());
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("make-signing-key: cannot write " + path + ": " + e.getMessage());
            return 73;
        }
    }
}
