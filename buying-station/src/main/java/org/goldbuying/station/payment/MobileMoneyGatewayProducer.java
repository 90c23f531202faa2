package org.goldbuying.station.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the mobile-money gateway named by {@code station.payment.mobile-money-gateway}. */
@ApplicationScoped
public class MobileMoneyGatewayProducer {

    @Produces
    @ApplicationScoped
    MobileMoneyGateway gateway(PaymentConfig config, MobileMoneySimulator simulator) {
        return switch (config.mobileMoneyGateway()) {
            case "simulator" -> simulator;
            case "none" -> new NoMobileMoney();
            default ->
                throw new IllegalStateException("station.payment.mobile-money-gateway=" + config.mobileMoneyGateway()
                        + " is not a known gateway; known: none, simulator");
        };
    }
}
