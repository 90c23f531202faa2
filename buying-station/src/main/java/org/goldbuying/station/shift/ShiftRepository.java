package org.goldbuying.station.shift;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ShiftRepository implements PanacheRepositoryBase<Shift, UUID> {

    /** The clerk's shift not yet closed (OPEN or COUNTED), if any; at most one by the database's unique index. */
    public Uni<Shift> active(String clerk) {
        return find("clerk = ?1 and status <> ?2", clerk, ShiftStatus.CLOSED).firstResult();
    }

    /**
     * The clerk's OPEN shift, locked until the transaction ends: two payments from one drawer are serialised, so
     * neither can spend cash the other already took.
     */
    public Uni<Shift> openLocked(String clerk) {
        return find("clerk = ?1 and status = ?2", clerk, ShiftStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<DrawerMovement> record(DrawerMovement movement) {
        return Panache.getSession().chain(session -> session.persist(movement).replaceWith(movement));
    }

    /** The drawer's balance: the sum of its movements (float in, cash paid out). */
    public Uni<Long> drawerMinor(UUID shiftId) {
        return Panache.getSession()
                .chain(session -> session.createQuery(
                                "select coalesce(sum(m.amountMinor), 0) from DrawerMovement m where m.shiftId = :shift",
                                Long.class)
                        .setParameter("shift", shiftId)
                        .getSingleResult());
    }

    /** Everyone who entered something on the shift: its drawer movements and its payments. */
    public Uni<Set<String>> enteredBy(UUID shiftId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT recorded_by FROM drawer_movement WHERE shift_id = :shift"
                                        + " UNION SELECT requested_by FROM payment_attempt WHERE shift_id = :shift",
                                String.class)
                        .setParameter("shift", shiftId)
                        .getResultList())
                .map(Set::copyOf);
    }

    /** Gross grams of the lots paid in this shift (any payment method): the gold the clerk should hand over. */
    public Uni<BigDecimal> goldBoughtGrams(UUID shiftId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT coalesce(sum(l.gross_grams), 0) FROM payment_attempt p JOIN lot l ON l.id = "
                                        + "p.lot_id"
                                        + " WHERE p.shift_id = :shift AND p.status = 'CONFIRMED'",
                                BigDecimal.class)
                        .setParameter("shift", shiftId)
                        .getSingleResult());
    }
}
