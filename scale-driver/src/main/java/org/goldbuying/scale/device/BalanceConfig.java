package org.goldbuying.scale.device;

import java.time.Duration;
import java.util.Objects;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.transport.SerialSettings;

/**
 * Everything a station needs to talk to one balance: the serial settings (port, baud, data bits, parity, stop
 * bits, flow control, terminator), the protocol by name, how often the live display polls, how long to wait for
 * a reply, and the unit the balance is set to (for protocols whose unstable frames carry no unit).
 *
 * @param protocol one of {@link BalanceProtocols#NAMES}
 */
public record BalanceConfig(
        SerialSettings serial, String protocol, Duration pollInterval, Duration replyTimeout, MassUnit displayUnit) {

    public BalanceConfig {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(displayUnit, "displayUnit");
        if (!BalanceProtocols.NAMES.contains(protocol)) {
            throw new IllegalArgumentException(
                    "unknown protocol '" + protocol + "', expected one of " + BalanceProtocols.NAMES);
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("poll interval and reply timeout must be positive");
        }
    }

    /** 9600 8N1 CR LF, polled every 250 ms, 2 s reply timeout, grams. */
    public static BalanceConfig defaults(String portPath, String protocol) {
        return new BalanceConfig(
                SerialSettings.defaults(portPath),
                protocol,
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                MassUnit.GRAM);
    }
}
