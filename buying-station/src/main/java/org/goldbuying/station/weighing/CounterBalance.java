package org.goldbuying.station.weighing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.device.BalanceProtocols;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.jboss.logging.Logger;

/**
 * The balance on this counter. Serial I/O blocks, so each call runs on a worker thread and its result returns to
 * the caller's event-loop context (where the reactive database session lives). After a disconnect the next call
 * opens the port again, so an unplugged and re-plugged balance recovers without a restart.
 */
@ApplicationScoped
public class CounterBalance {
    private static final Logger LOG = Logger.getLogger(CounterBalance.class);

    private final BalanceConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final ReadingIds readingIds = ReadingIds.fromClock();
    private SerialBalance balance;
    private volatile DeviceHealth health = new DeviceHealth(DeviceHealth.State.UNKNOWN, null);

    /** What the station last saw of its balance: for the heartbeat and the counter's device status. */
    public record DeviceHealth(State state, String fault) {
        public enum State {
            OK,
            FAULT,
            NOT_CONFIGURED,
            UNKNOWN
        }
    }

    public CounterBalance(BalanceConfig config, Clock clock, Vertx vertx) {
        if (!BalanceProtocols.NAMES.contains(config.protocol())) {
            throw new IllegalArgumentException("station.balance.protocol is '" + config.protocol()
                    + "'; expected one of " + BalanceProtocols.NAMES);
        }
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    public RegisteredBalance registered() {
        return new RegisteredBalance(
                config.deviceId(),
                config.serialNumber(),
                config.accuracyClass(),
                config.maxGrams(),
                config.minGrams(),
                config.verificationIntervalGrams(),
                config.displayIntervalGrams(),
                config.certificateNumber(),
                config.verificationExpiry());
    }

    /** A legal-for-trade transaction reading, or a typed refusal saying why not. */
    public Uni<TransactionReading> weighForTransaction() {
        return blocking(() -> withBalance().weighForTransaction());
    }

    /** The weight now, stable or not, for the live display. */
    public Uni<WeightFrame> readLive() {
        return blocking(() -> withBalance().readLive());
    }

    public DeviceHealth health() {
        return config.port().filter(p -> !p.isBlank()).isEmpty()
                ? new DeviceHealth(DeviceHealth.State.NOT_CONFIGURED, null)
                : health;
    }

    private <T> Uni<T> blocking(java.util.function.Supplier<T> call) {
        return vertx.executeBlocking(
                Uni.createFrom().item(() -> {
                    try {
                        T result = call.get();
                        health = new DeviceHealth(DeviceHealth.State.OK, null);
                        return result;
                    } catch (ScaleException e) {
                        if (e.fault() == ScaleFault.DISCONNECTED || e.fault() == ScaleFault.TIMEOUT) {
                            health = new DeviceHealth(DeviceHealth.State.FAULT, e.fault() + ": " + e.detail());
                            disconnect();
                        } else if (e.fault() == ScaleFault.IDENTITY_MISMATCH
                                || e.fault() == ScaleFault.VERIFICATION_EXPIRED) {
                            health = new DeviceHealth(DeviceHealth.State.FAULT, e.fault() + ": " + e.detail());
                        }
                        throw e;
                    }
                }),
                true);
    }

    private synchronized SerialBalance withBalance() {
        if (balance == null) {
            String port = config.port()
                    .filter(p -> !p.isBlank())
                    .orElseThrow(() -> new StationException(
                            StationError.NO_BALANCE,
                            "No balance is configured for this counter (station.balance.port)."));
            SerialSettings settings = new SerialSettings(
                    port,
                    config.baudRate(),
                    8,
                    SerialSettings.Parity.NONE,
                    SerialSettings.StopBits.ONE,
                    SerialSettings.FlowControl.NONE,
                    "\r\n");
            // the counter page asks for the live weight twice a second; the driver itself does not poll
            SerialBalance opened = BalanceProtocols.open(
                    new org.goldbuying.scale.device.BalanceConfig(
                            settings, config.protocol(), Duration.ofMillis(500), config.replyTimeout(), MassUnit.GRAM),
                    registered(),
                    clock,
                    readingIds);
            try {
                opened.connect();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            LOG.infof("Balance %s (%s) connected on %s", config.deviceId(), config.protocol(), port);
            balance = opened;
        }
        return balance;
    }

    private synchronized void disconnect() {
        if (balance != null) {
            balance.close();
            balance = null;
        }
    }

    @PreDestroy
    void close() {
        disconnect();
    }
}
