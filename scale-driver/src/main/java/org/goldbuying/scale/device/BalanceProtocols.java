package org.goldbuying.scale.device;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.kern.KernProtocol;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.sbi.SbiProtocol;
import org.goldbuying.scale.transport.JSerialCommLine;

/** Protocols by configuration name, and a configured balance on a real serial port. */
public final class BalanceProtocols {
    public static final List<String> NAMES = List.of("mt-sics", "sbi", "a-and-d", "ohaus", "kern", "kern-kcp");

    private BalanceProtocols() {}

    /** The protocol named in the configuration, with its terminator and display unit. */
    public static BalanceProtocol create(BalanceConfig config) {
        String terminator = config.serial().lineTerminator();
        return switch (config.protocol()) {
            case "mt-sics" -> new MtSicsProtocol(terminator);
            case "sbi" -> new SbiProtocol(terminator, config.displayUnit());
            case "a-and-d" -> new AndProtocol(terminator);
            case "ohaus" -> new OhausProtocol(terminator, OhausProtocol.DEFAULT_SERIAL_NUMBER);
            // Kern's single-byte commands never take a terminator, whatever the port settings say.
            case "kern" -> new KernProtocol(config.displayUnit(), Optional.empty());
            case "kern-kcp" -> new KernProtocol(config.displayUnit(), Optional.of(KernProtocol.KCP_SERIAL_NUMBER));
            default -> throw new IllegalArgumentException("unknown protocol " + config.protocol());
        };
    }

    /** A balance on the configured port; call {@link SerialBalance#connect()} to open it and check its identity. */
    public static SerialBalance open(
            BalanceConfig config, RegisteredBalance registered, Clock clock, ReadingIds readingIds) {
        return new SerialBalance(
                new JSerialCommLine(config.serial()),
                create(config),
                registered,
                clock,
                readingIds,
                config.replyTimeout());
    }
}
