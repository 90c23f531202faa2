package org.goldbuying.station.weighing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.goldbuying.scale.balance.AccuracyClass;

/** The counter's registered balance: where it is plugged in and what its verification certificate says. */
@ConfigMapping(prefix = "station.balance")
public interface BalanceConfig {
    /** Serial device path; empty when no balance is attached (weighing then refuses with a reason). */
    Optional<String> port();

    @WithDefault("9600")
    int baudRate();

    /** The balance's protocol, one of scale-driver's BalanceProtocols.NAMES (mt-sics, sbi, a-and-d, ohaus, kern...). */
    @WithDefault("mt-sics")
    String protocol();

    String deviceId();

    String serialNumber();

    AccuracyClass accuracyClass();

    BigDecimal maxGrams();

    BigDecimal minGrams();

    BigDecimal verificationIntervalGrams();

    BigDecimal displayIntervalGrams();

    String certificateNumber();

    LocalDate verificationExpiry();

    Duration replyTimeout();
}
