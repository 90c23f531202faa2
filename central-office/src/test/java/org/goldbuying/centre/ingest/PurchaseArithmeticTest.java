package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
import org.junit.jupiter.api.Test;

class PurchaseArithmeticTest {
    static PurchaseEvent event(String json) {
        return Contract.PURCHASE_EVENT.read(json);
    }

    @Test
    void theDocumentedExampleAddsUp() throws IOException {
        String example = Files.readString(Path.of("..", "docs", "contracts", "examples", "purchase-event.v1.json"));
        assertThat(PurchaseArithmetic.discrepancy(event(example))).isEmpty();
        assertThat(PurchaseArithmetic.discrepancy(event(Purchases.newTypedWeightPurchase(UUID.randomUUID(), "T-1"))))
                .isEmpty();
    }

    @Test
    void aHeavierLotWithTheFineGramsOfALighterOneDoesNotAddUp() {
        String forged = Purchases.newPurchase(UUID.randomUUID(), "T-1")
                .replace("\"grossGrams\": \"12.34\"", "\"grossGrams\": \"500.00\"");
        assertThat(PurchaseArithmetic.discrepancy(event(forged)))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("fine grams 11.2911 but 500.00 g at 915.0 per mille is 457.5000 g"));
    }

    @Test
    void moneyTermsMustFollowFromTheFineGramsAndTheRates() {
        String base = Purchases.newPurchase(UUID.randomUUID(), "T-1");
        assertThat(PurchaseArithmetic.discrepancy(
                        event(base.replace("\"grossValueMinor\": 3559385", "\"grossValueMinor\": 35593850"))))
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("gross value 35593850 but").contains("is 3559385"));
        assertThat(PurchaseArithmetic.discrepancy(
                        event(base.replace("\"netPayableMinor\": 3239041", "\"netPayableMinor\": 3559385"))))
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("net payable 3559385 but gross value less deductions is 3239041"));
        assertThat(PurchaseArithmetic.discrepancy(
                        event(base.replace("\"fxLocalPerUsd\": \"3700.00\"", "\"fxLocalPerUsd\": \"37000.00\""))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("FX 37000.00"));
    }
}
