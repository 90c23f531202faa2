package org.goldbuying.station.payment;

import io.smallrye.mutiny.Uni;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;

/**
 * A station without a mobile-money operator: every transfer is refused before an attempt is stored, with what the
 * clerk can do instead. Production runs this until a real operator's adapter exists, never the simulator.
 */
final class NoMobileMoney implements MobileMoneyGateway {
    private static final String REASON =
            "Mobile money is not set up at this station. Pay by cash from the drawer or by bank transfer.";

    @Override
    public Uni<Transfer> payout(Payout payout) {
        return Uni.createFrom().failure(new StationException(StationError.MOBILE_MONEY_UNAVAILABLE, REASON));
    }

    @Override
    public Uni<Transfer> status(String idempotencyKey) {
        return Uni.createFrom().failure(new StationException(StationError.MOBILE_MONEY_UNAVAILABLE, REASON));
    }
}
