package org.goldbuying.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractTest {
    static String example(String name) throws IOException {
        return Files.readString(Path.of("..", "docs", "contracts", "examples", name));
    }

    @Test
    void documentedExamplesSatisfyTheirContracts() throws IOException {
        assertThat(Contract.PURCHASE_EVENT.violations(example("purchase-event.v1.json")))
                .isEmpty();
        assertThat(Contract.PRICE_TICK.violations(example("price-tick.v1.json")))
                .isEmpty();
        assertThat(Contract.PRICE_TICK.violations(example("price-tick.v1.suspended.json")))
                .isEmpty();
        assertThat(Contract.STATION_HEARTBEAT.violations(example("station-heartbeat.v1.json")))
                .isEmpty();
    }

    @Test
    void heartbeatRoundTripsAndRefusesNonsense() throws IOException {
        String json = example("station-heartbeat.v1.json");
        StationHeartbeat heartbeat = Contract.STATION_HEARTBEAT.read(json);
        assertThat(heartbeat.outboxBacklog()).isEqualTo(3);
        assertThat(Contract.STATION_HEARTBEAT.read(Contract.STATION_HEARTBEAT.write(heartbeat)))
                .isEqualTo(heartbeat);
        assertThat(Contract.STATION_HEARTBEAT.violations(json.replace("\"outboxBacklog\": 3", "\"outboxBacklog\": -1")))
                .isNotEmpty();
        assertThat(Contract.STATION_HEARTBEAT.violations(json.replace("\"OK\"", "\"FINE\"")))
                .isNotEmpty();
    }

    @Test
    void bindingRoundTripsWithoutLosingDigits() throws IOException {
        PurchaseEvent event = Contract.PURCHASE_EVENT.read(example("purchase-event.v1.json"));
        assertThat(event.fineGrams()).isEqualByComparingTo("11.2911");
        assertThat(event.weighing().grossGrams().toPlainString()).isEqualTo("12.34");
        String written = Contract.PURCHASE_EVENT.write(event);
        assertThat(Contract.PURCHASE_EVENT.read(written)).isEqualTo(event);
        assertThat(written).contains("\"grossGrams\":\"12.34\"");

        PriceTick tick = Contract.PRICE_TICK.read(example("price-tick.v1.json"));
        assertThat(tick.active()).isTrue();
        assertThat(Contract.PRICE_TICK.read(Contract.PRICE_TICK.write(tick))).isEqualTo(tick);
    }

    @Test
    void brokenMessagesAreRejectedWithReasons() throws IOException {
        String good = example("purchase-event.v1.json");
        assertThat(Contract.PURCHASE_EVENT.violations("{not json"))
                .singleElement()
                .asString()
                .startsWith("not JSON");
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("\"12.34\"", "12.34")))
                .isNotEmpty();
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("\"12.34\"", "\"-12.34\"")))
                .isNotEmpty();
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("\"12.34\"", "\"0\"")))
                .isNotEmpty();
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("\"915.0\"", "\"1200\"")))
                .isNotEmpty();
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("9b2f6a4e-1f7d", "not-a-uuid")))
                .isNotEmpty();
        assertThat(Contract.PURCHASE_EVENT.violations(good.replace("\"region\"", "\"extra\": 1, \"region\"")))
                .isNotEmpty();
        assertThatThrownBy(() -> Contract.PURCHASE_EVENT.read("{}"))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("purchaseId");
    }

    @Test
    void aWeighingIsEitherABalanceReadingOrAnApprovedTypedOverride() throws IOException {
        String typed = example("purchase-event.v1.typed-weight.json");
        assertThat(Contract.PURCHASE_EVENT.violations(typed)).isEmpty();
        PurchaseEvent event = Contract.PURCHASE_EVENT.read(typed);
        assertThat(event.weighing().readingId()).isNull();
        assertThat(event.weighing().typedOverride().approvedBy()).isEqualTo("supervisor");
        assertThat(Contract.PURCHASE_EVENT.write(event)).doesNotContain("readingId");

        // both, or neither: refused
        assertThat(Contract.PURCHASE_EVENT.violations(
                        typed.replace("\"grossGrams\": \"12.34\",", "\"readingId\": 7, \"grossGrams\": \"12.34\",")))
                .isNotEmpty();
        String neither = example("purchase-event.v1.json").replace("\"readingId\": 1763802930000001, ", "");
        assertThat(Contract.PURCHASE_EVENT.violations(neither)).isNotEmpty();
        // an override nobody approved: refused
        assertThat(Contract.PURCHASE_EVENT.violations(typed.replace(", \"approvedBy\": \"supervisor\"", "")))
                .isNotEmpty();
    }

    @Test
    void anActiveTickNeedsAPriceAndASuspendedOneAReason() throws IOException {
        String active = example("price-tick.v1.json");
        assertThat(Contract.PRICE_TICK.violations(active.replace("\"spotUsdPerTroyOunce\": \"2650.00\",", "")))
                .isNotEmpty();
        String suspended = example("price-tick.v1.suspended.json");
        assertThat(Contract.PRICE_TICK.violations(suspended.replaceAll("\"suspendedReason\": \"[^\"]*\",", "")))
                .isNotEmpty();
    }
}
