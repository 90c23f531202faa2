package org.goldbuying.station.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.junit.jupiter.api.Test;

class NoMobileMoneyTest {
    @Test
    void everyTransferIsRefusedWithWhatToDoInstead() {
        NoMobileMoney none = new NoMobileMoney();
        for (Runnable ask : new Runnable[] {
            () -> none.payout(new MobileMoneyGateway.Payout("lot-1", "+256700000001", 1000, "UGX"))
                    .await()
                    .indefinitely(),
            () -> none.status("lot-1").await().indefinitely()
        }) {
            assertThatThrownBy(ask::run)
                    .isInstanceOfSatisfying(
                            StationException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.error())
                                    .isEqualTo(StationError.MOBILE_MONEY_UNAVAILABLE))
                    .hasMessageContaining("Pay by cash from the drawer or by bank transfer");
        }
    }
}
