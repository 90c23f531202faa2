package org.goldbuying.station.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the station pays: which mobile-money gateway, and the simulator's behaviour. */
@ConfigMapping(prefix = "station.payment")
public interface PaymentConfig {

    /**
     * The mobile-money gateway in use: {@code none} (mobile money refused with the reason; cash and bank transfers
     * work) or {@code simulator} (the local network and tests). A real operator's adapter goes beside them.
     */
    @WithDefault("none")
    String mobileMoneyGateway();

    Simulator simulator();

    interface Simulator {
        /** A simulated transfer stays PENDING this long, then confirms when next asked (as an operator would). */
        @WithDefault("PT3S")
        Duration confirmAfter();
    }
}
