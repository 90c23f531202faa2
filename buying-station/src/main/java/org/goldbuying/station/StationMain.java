package org.goldbuying.station;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;
import java.util.Set;
import org.goldbuying.web.ProductionSettings;
import org.goldbuying.web.ProductionSettings.Rule;

/**
 * Starts the station, but in production only with settings that are safe: every variable below set on purpose, none
 * left to a developer's default (a demo balance's metrology, a database on localhost), and no demo switch on. The
 * refusal names each variable before any connection is tried (exit status 78).
 */
@QuarkusMain
public final class StationMain {
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
            ProductionSettings.notTrue("STATION_DEMO_ACCOUNTS", "it seeds demo accounts with known passwords"),
            ProductionSettings.oneOf(
                    "STATION_MOBILE_MONEY_GATEWAY",
                    Set.of("none"),
                    "the simulator pays nobody; production runs none until a real operator's adapter exists"));

    private StationMain() {}

    public static void main(String... args) {
        ProductionSettings.refuseUnsafe("buying-station", PRODUCTION);
        Quarkus.run(args);
    }
}
