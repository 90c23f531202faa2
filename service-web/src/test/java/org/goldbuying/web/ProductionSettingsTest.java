package org.goldbuying.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {
    static final List<ProductionSettings.Rule> RULES = List.of(
            ProductionSettings.required("DB_PASSWORD", "the database password"),
            ProductionSettings.publicUrl("VERIFY_URL", "printed on every receipt"),
            ProductionSettings.notTrue("DEMO_ACCOUNTS", "seeds the demo accounts"),
            ProductionSettings.oneOf("FEED", Set.of("lbma"), "a simulated feed is not a price"));

    static Function<String, Optional<String>> env(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void everyProblemIsNamedWithItsVariableAtOnce() {
        List<String> problems = ProductionSettings.problems(
                RULES,
                env(Map.of(
                        "DB_PASSWORD", "  ",
                        "VERIFY_URL", "http://localhost:8080/verify",
                        "DEMO_ACCOUNTS", "TRUE",
                        "FEED", "simulated")));
        assertThat(problems)
                .containsExactly(
                        "DB_PASSWORD is not set: the database password",
                        "VERIFY_URL points at this machine (http://localhost:8080/verify): printed on every receipt",
                        "DEMO_ACCOUNTS is true: seeds the demo accounts",
                        "FEED=simulated: a simulated feed is not a price");
        assertThat(ProductionSettings.refusal("station", RULES, env(Map.of())).orElseThrow())
                .startsWith("station does not start in production with these settings")
                .contains("  - DB_PASSWORD is not set")
                .contains("  - VERIFY_URL is not set");
    }

    @Test
    void safeSettingsStart() {
        Map<String, String> safe = Map.of(
                "DB_PASSWORD", "s3cret-from-the-vault",
                "VERIFY_URL", "https://verify.bank.example/verify",
                "DEMO_ACCOUNTS", "false");
        assertThat(ProductionSettings.refusal("station", RULES, env(safe))).isEmpty();
        assertThat(ProductionSettings.problems(
                        List.of(ProductionSettings.publicUrl("VERIFY_URL", "x")),
                        env(Map.of("VERIFY_URL", "http://127.0.0.1/verify"))))
                .hasSize(1);
    }

    @Test
    void onlyTheProductionProfileIsChecked() {
        assertThat(ProductionSettings.productionProfile(env(Map.of()), Optional.empty()))
                .isTrue();
        assertThat(ProductionSettings.productionProfile(env(Map.of("QUARKUS_PROFILE", "local")), Optional.empty()))
                .isFalse();
        assertThat(ProductionSettings.productionProfile(env(Map.of("QUARKUS_PROFILE", "local")), Optional.of("prod")))
                .isTrue();
        assertThat(ProductionSettings.productionProfile(env(Map.of("QUARKUS_PROFILE", "prod,eu")), Optional.empty()))
                .isTrue();
    }
}
