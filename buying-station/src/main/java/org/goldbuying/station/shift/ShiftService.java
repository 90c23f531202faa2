package org.goldbuying.station.shift;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.station.common.MoneyFormat;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.shift.ShiftRequests.Count;
import org.goldbuying.station.shift.ShiftRequests.OpenShift;

/**
 * Shifts and the cash drawer: open with a counted float, pay cash out of it (never more than it holds), count cash
 * and gold at the end against the station's figures, and close only when a supervisor who is not the clerk signs
 * the count off (four eyes).
 */
@ApplicationScoped
public class ShiftService {
    private final ShiftRepository shifts;
    private final Clock clock;

    public ShiftService(ShiftRepository shifts, Clock clock) {
        this.shifts = shifts;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ShiftView> open(String clerk, OpenShift request) {
        Instant now = clock.instant();
        return shifts.active(clerk).chain(active -> {
            if (active != null) {
                throw new StationException(
                        StationError.SHIFT_ALREADY_OPEN,
                        "You already have a shift ("
                                + active.status + ", opened " + active.openedAt + "); count it and have it signed off "
                                + "before opening another.");
            }
            Shift shift = Shift.open(UUID.randomUUID(), clerk, request.currency(), request.floatMinor(), now);
            return shifts.persist(shift)
                    .call(() -> shifts.record(
                            DrawerMovement.of(shift.id, DrawerMovement.FLOAT, shift.floatMinor, null, clerk, now)))
                    .chain(() -> view(shift));
        });
    }

    /** The clerk's shift not yet closed, with the drawer and the gold bought so far. */
    @WithSession
    public Uni<ShiftView> current(String clerk) {
        return shifts.active(clerk)
                .onItem()
                .ifNull()
                .failWith(() -> noShift(clerk))
                .chain(this::view);
    }

    @WithSession
    public Uni<ShiftView> find(UUID id) {
        return shifts.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No shift with id " + id + "."))
                .chain(this::view);
    }

    /**
     * The clerk's end-of-shift count. The station's figures are taken in the same transaction, under the drawer's
     * lock, so no payment can slip in between; after the count the drawer pays no more cash.
     */
    @WithTransaction
    public Uni<ShiftView> count(String clerk, Count request) {
        return shifts.openLocked(clerk)
                .onItem()
                .ifNull()
                .failWith(() -> noShift(clerk))
                .chain(shift -> shifts.drawerMinor(shift.id)
                        .chain(drawer -> shifts.goldBoughtGrams(shift.id).map(gold -> {
                            shift.count(
                                    new ShiftCount(
                                            request.countedCashMinor(), request.countedGoldGrams(), drawer, gold),
                                    clock.instant());
                            return shift;
                        })))
                .chain(this::view);
    }

    /**
     * A supervisor signs a counted shift off and so closes it: never the clerk whose shift it is, nor anyone who
     * entered something on it (a drawer movement, a payment).
     */
    @WithTransaction
    public Uni<ShiftView> signOff(UUID id, String supervisor) {
        return shifts.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No shift with id " + id + "."))
                .call(shift -> shifts.enteredBy(shift.id).invoke(enteredBy -> {
                    if (supervisor.equals(shift.clerk)) {
                        throw new StationException(
                                StationError.SELF_APPROVAL,
                                "This is your own shift; another supervisor must sign its count off (four eyes).");
                    }
                    if (enteredBy.contains(supervisor)) {
                        throw new StationException(
                                StationError.SELF_APPROVAL,
                                "You entered cash or payments on this shift yourself; another supervisor must sign "
                                        + "its count off (four eyes).");
                    }
                }))
                .invoke(shift -> {
                    if (shift.status != ShiftStatus.COUNTED) {
                        throw new StationException(
                                StationError.WRONG_STATE,
                                "Shift " + id + " is " + shift.status
                                        + "; only a COUNTED shift can be signed off. The clerk counts cash and gold "
                                        + "first.");
                    }
                    shift.status = ShiftStatus.CLOSED;
                    shift.signedOffBy = supervisor;
                    shift.closedAt = clock.instant();
                })
                .chain(this::view);
    }

    /**
     * Pays cash for a lot out of the clerk's open drawer. Must run inside the payment's transaction: the drawer is
     * locked until it commits, and the movement is rolled back with the payment if anything else fails.
     *
     * @return the shift the cash came from
     */
    public Uni<UUID> payOut(String clerk, UUID lotId, long amountMinor, String currency, int currencyExponent) {
        Instant now = clock.instant();
        return shifts.openLocked(clerk)
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(
                        StationError.NO_OPEN_SHIFT,
                        "You have no open shift, so there is no cash drawer to pay from. "
                                + "Open a shift with the float you counted, or pay by mobile money or bank transfer."))
                .chain(shift -> {
                    if (!shift.currency.equals(currency)) {
                        throw new StationException(
                                StationError.CURRENCY_MISMATCH,
                                "Your drawer holds " + shift.currency + " but this lot is priced in " + currency + ".");
                    }
                    return shifts.drawerMinor(shift.id).chain(drawer -> {
                        if (drawer < amountMinor) {
                            throw new StationException(
                                    StationError.DRAWER_SHORT,
                                    "The drawer holds "
                                            + MoneyFormat.money(drawer, currencyExponent, currency)
                                            + " but the cash to pay"
                                            + " now is " + MoneyFormat.money(amountMinor, currencyExponent, currency)
                                            + ". Ask the supervisor for more cash, or pay by mobile money or bank "
                                            + "transfer.");
                        }
                        return shifts.record(DrawerMovement.of(
                                        shift.id,
                                        DrawerMovement.CASH_PAYMENT,
                                        Math.negateExact(amountMinor),
                                        lotId,
                                        clerk,
                                        now))
                                .replaceWith(shift.id);
                    });
                });
    }

    /** The clerk's open shift, if any (null otherwise): non-cash payments are counted in it for the gold. */
    public Uni<UUID> openShiftId(String clerk) {
        return shifts.find("clerk = ?1 and status = ?2", clerk, ShiftStatus.OPEN)
                .firstResult()
                .map(shift -> shift == null ? null : shift.id);
    }

    private Uni<ShiftView> view(Shift shift) {
        return shifts.drawerMinor(shift.id)
                .chain(drawer -> shifts.goldBoughtGrams(shift.id).map(gold -> ShiftView.of(shift, drawer, gold)));
    }

    private static StationException noShift(String clerk) {
        return new StationException(
                StationError.NO_OPEN_SHIFT,
                "You (" + clerk + ") have no open shift. Open one with the float you counted.");
    }
}
