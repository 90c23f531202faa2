package org.goldbuying.station.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mobile-money operator in memory, for development and tests. It keeps every transfer per idempotency key and
 * enforces the gateway's rule: a key whose transfer is PENDING or CONFIRMED never starts another. A transfer
 * confirms {@code station.payment.simulator.confirm-after} after it started, unless {@link #fail} or
 * {@link #confirm} decides it first (how tests play the operator).
 */
@ApplicationScoped
@Typed(MobileMoneySimulator.class)
public class MobileMoneySimulator implements MobileMoneyGateway {
    private final Map<String, List<SimulatedTransfer>> byKey = new HashMap<>();
    private final PaymentConfig config;
    private final Clock clock;
    private long references;

    public MobileMoneySimulator(PaymentConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    private static final class SimulatedTransfer {
        final String reference;
        final Payout payout;
        final Instant startedAt;
        State state = State.PENDING;
        String failureReason;

        SimulatedTransfer(String reference, Payout payout, Instant startedAt) {
            this.reference = reference;
            this.payout = payout;
            this.startedAt = startedAt;
        }

        Transfer answer() {
            return new Transfer(reference, state, failureReason);
        }
    }

    @Override
    public synchronized Uni<Transfer> payout(Payout payout) {
        List<SimulatedTransfer> transfers = byKey.computeIfAbsent(payout.idempotencyKey(), k -> new ArrayList<>());
        SimulatedTransfer last = transfers.isEmpty() ? null : transfers.get(transfers.size() - 1);
        if (last != null && last.state != State.FAILED) {
            settleIfDue(last);
            return Uni.createFrom().item(last.answer());
        }
        SimulatedTransfer started = new SimulatedTransfer("SIM-" + (++references), payout, clock.instant());
        transfers.add(started);
        return Uni.createFrom().item(started.answer());
    }

    @Override
    public synchronized Uni<Transfer> status(String key) {
        List<SimulatedTransfer> transfers = byKey.getOrDefault(key, List.of());
        if (transfers.isEmpty()) {
            return Uni.createFrom().item(new Transfer(null, State.FAILED, "no transfer under this key"));
        }
        SimulatedTransfer last = transfers.get(transfers.size() - 1);
        settleIfDue(last);
        return Uni.createFrom().item(last.answer());
    }

    private void settleIfDue(SimulatedTransfer transfer) {
        if (transfer.state == State.PENDING
                && !clock.instant()
                        .isBefore(transfer.startedAt.plus(config.simulator().confirmAfter()))) {
            transfer.state = State.CONFIRMED;
        }
    }

    /** The operator confirms the pending transfer under this key. */
    public synchronized void confirm(String key) {
        pending(key).state = State.CONFIRMED;
    }

    /** The operator reports the pending transfer under this key as failed (wallet limit, unknown number...). */
    public synchronized void fail(String key, String reason) {
        SimulatedTransfer transfer = pending(key);
        transfer.state = State.FAILED;
        transfer.failureReason = reason;
    }

    /** Money actually sent under this key: the sum of the confirmed transfers, in minor units. */
    public synchronized long paidMinor(String key) {
        return byKey.getOrDefault(key, List.of()).stream()
                .filter(t -> t.state == State.CONFIRMED)
                .mapToLong(t -> t.payout.amountMinor())
                .sum();
    }

    /** How many transfers were started under this key (a failed one and its retry make two). */
    public synchronized int transfers(String key) {
        return byKey.getOrDefault(key, List.of()).size();
    }

    private SimulatedTransfer pending(String key) {
        return byKey.getOrDefault(key, List.of()).stream()
                .filter(t -> t.state == State.PENDING)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no pending simulated transfer under " + key));
    }
}
