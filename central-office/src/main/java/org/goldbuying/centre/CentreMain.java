package org.goldbuying.centre;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;
import java.util.Optional;
import org.goldbuying.web.ProductionSettings;
import org.goldbuying.web.ProductionSettings.Rule;

/**
 * Starts the centre, but in production only with settings that are safe: every variable below set on purpose, none
 * left to a developer's default, and the simulated gold feed only when a variable says so on purpose (every screen
 * then says SIMULATED). The refusal names each variable before any connection is tried (exit status 78).
 */
@QuarkusMain
public final class CentreMain {
    static final List<Rule> PRODUCTION = List.of(
            ProductionSettings.required("CENTRE_DB_REACTIVE_URL", "the centre's PostgreSQL"),
            ProductionSettings.required("CENTRE_DB_JDBC_URL", "the centre's PostgreSQL, for migrations"),
            ProductionSettings.required("CENTRE_DB_USER", "the centre's database account"),
            ProductionSettings.required("CENTRE_DB_PASSWORD", "the database password; an empty one is refused"),
            ProductionSettings.required("KAFKA_BOOTSTRAP_SERVERS", "the Kafka cluster the stations reach"),
            ProductionSettings.required("CENTRE_CURRENCY", "the official currency of the buying price"),
            ProductionSettings.required("CENTRE_CURRENCY_EXPONENT", "the currency's minor-unit digits"),
            ProductionSettings.required(
                    "CENTRE_FX_LOCAL_PER_USD", "the FX rate of the first policy version (later ones need four eyes)"),
            ProductionSettings.required(
                    "CENTRE_SIGNING_KEY_FILE", "the centre's Ed25519 key (PEM, mode 600) that signs every tick"),
            ProductionSettings.required(
                    "CENTRE_SIGNING_PUBLIC_KEY", "its public half, published for the stations (base64 X.509)"),
            ProductionSettings.required("CENTRE_FEED", "the live gold feed: lbma or http-json"),
            CentreMain::identityProviderNamed,
            CentreMain::simulatedFeedOnlyOnPurpose,
            CentreMain::unsignedStationsNamedOneByOne);

    private CentreMain() {}

    /**
     * The treasury, auditors, compliance and operations log in through the bank's identity provider: production names
     * it. Only a centre that nobody logs in to (a benchmark of the ingest) turns it off, and then nobody can log in.
     */
    static Optional<String> identityProviderNamed(java.util.function.Function<String, Optional<String>> vars) {
        boolean off = vars.apply("CENTRE_OIDC_ENABLED")
                .map(String::strip)
                .filter("false"::equalsIgnoreCase)
                .isPresent();
        boolean named =
                vars.apply("CENTRE_OIDC_URL").filter(url -> !url.isBlank()).isPresent();
        return off || named
                ? Optional.empty()
                : Optional.of("CENTRE_OIDC_URL is not set: the bank's identity provider (its OIDC issuer URL, e.g."
                        + " https://login.bank.example/realms/bank), from which treasury, auditor, compliance and"
                        + " operations users log in");
    }

    /** Unsigned purchases count only from stations named one by one: "*" would let anyone invent a station. */
    static Optional<String> unsignedStationsNamedOneByOne(java.util.function.Function<String, Optional<String>> vars) {
        return vars.apply("CENTRE_UNSIGNED_STATIONS")
                .filter(stations -> stations.contains("*"))
                .map(stations -> "CENTRE_UNSIGNED_STATIONS=" + stations.strip() + ": any station could send unsigned"
                        + " purchases, including one made up by whoever writes to Kafka; name the stations still"
                        + " moving to signed purchases one by one");
    }

    /** The simulated feed is a demonstration: production takes it only when CENTRE_FEED_SIMULATED_ON_PURPOSE=true. */
    static Optional<String> simulatedFeedOnlyOnPurpose(java.util.function.Function<String, Optional<String>> vars) {
        boolean simulated = vars.apply("CENTRE_FEED")
                .map(String::strip)
                .filter("simulated"::equals)
                .isPresent();
        boolean onPurpose = vars.apply("CENTRE_FEED_SIMULATED_ON_PURPOSE")
                .map(String::strip)
                .filter("true"::equalsIgnoreCase)
                .isPresent();
        return simulated && !onPurpose
                ? Optional.of("CENTRE_FEED=simulated: a simulated feed is not a market price; use lbma or http-json, "
                        + "or set CENTRE_FEED_SIMULATED_ON_PURPOSE=true for a demonstration (every screen says "
                        + "SIMULATED)")
                : Optional.empty();
    }

    public static void main(String... args) {
        ProductionSettings.refuseUnsafe("central-office", PRODUCTION);
        Quarkus.run(args);
    }
}
