package org.goldbuying.station.seller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerIdentity;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.seller.SellerRequests.NewSeller;
import org.goldbuying.station.seller.SellerRequests.NewSite;

/** Registers sellers and their mine sites, blocks and unblocks them, and says whether one may sell now. */
@ApplicationScoped
public class SellerService {
    private final SellerRepository sellers;
    private final SellerStandingRepository standing;
    private final SellerRegistrations registrations;
    private final LimitsConfig limits;
    private final Clock clock;

    public SellerService(
            SellerRepository sellers,
            SellerStandingRepository standing,
            SellerRegistrations registrations,
            LimitsConfig limits,
            Clock clock) {
        this.sellers = sellers;
        this.registrations = registrations;
        this.standing = standing;
        this.limits = limits;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Seller> register(NewSeller received, String clerk) {
        // identity numbers as the national register compares them: "cm-123" is the registered CM123
        NewSeller request = new NewSeller(
                received.type(),
                received.name(),
                SellerIdentity.nationalId(received.nationalId()),
                SellerIdentity.licence(received.licenceNumber()),
                received.licenceExpiry(),
                received.mobileMoneyNumber(),
                received.site());
        if (blank(request.nationalId()) && blank(request.licenceNumber())) {
            throw new IllegalArgumentException("A seller needs a national ID or a licence number.");
        }
        if (request.type() != PurchaseEvent.SellerType.INDIVIDUAL && blank(request.licenceNumber())) {
            throw new IllegalArgumentException("A " + request.type() + " must give its licence number.");
        }
        if (!blank(request.licenceNumber()) && request.licenceExpiry() == null) {
            throw new IllegalArgumentException("A licence needs its expiry date.");
        }
        Uni<Void> unique = Uni.createFrom().voidItem();
        if (!blank(request.nationalId())) {
            unique = unique.chain(() -> sellers.findByNationalId(request.nationalId()))
                    .invoke(existing -> refuseDuplicate(existing, "national ID " + request.nationalId()))
                    .replaceWithVoid();
        }
        if (!blank(request.licenceNumber())) {
            unique = unique.chain(() -> sellers.findByLicence(request.licenceNumber()))
                    .invoke(existing -> refuseDuplicate(existing, "licence " + request.licenceNumber()))
                    .replaceWithVoid();
        }
        return unique.chain(() -> {
            Seller seller = new Seller();
            seller.id = UUID.randomUUID();
            seller.type = request.type();
            seller.name = request.name().trim();
            seller.nationalId = blank(request.nationalId()) ? null : request.nationalId();
            seller.licenceNumber = blank(request.licenceNumber()) ? null : request.licenceNumber();
            seller.licenceExpiry = request.licenceExpiry();
            seller.mobileMoneyNumber = request.mobileMoneyNumber();
            seller.status = SellerStatus.ACTIVE;
            seller.registeredAt = clock.instant();
            if (request.site() != null) {
                seller.sites.add(site(seller, request.site()));
            }
            return sellers.persist(seller).call(registered -> registrations.announceRegistration(registered, clerk));
        });
    }

    @WithSession
    public Uni<Seller> find(UUID id) {
        return sellers.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No seller with id " + id + "."));
    }

    @WithSession
    public Uni<Seller> lookUp(String typedNationalId, String typedLicence) {
        String nationalId = SellerIdentity.nationalId(typedNationalId);
        String licenceNumber = SellerIdentity.licence(typedLicence);
        if (!blank(nationalId)) {
            return sellers.findByNationalId(nationalId)
                    .onItem()
                    .ifNull()
                    .failWith(() -> new StationException(
                            StationError.NOT_FOUND, "No seller with national ID " + nationalId + "."));
        }
        if (!blank(licenceNumber)) {
            return sellers.findByLicence(licenceNumber)
                    .onItem()
                    .ifNull()
                    .failWith(() -> new StationException(
                            StationError.NOT_FOUND, "No seller with licence " + licenceNumber + "."));
        }
        throw new IllegalArgumentException("Look a seller up by nationalId or licenceNumber.");
    }

    @WithTransaction
    public Uni<Seller> addSite(UUID sellerId, NewSite request, String clerk) {
        return sellers.findById(sellerId)
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No seller with id " + sellerId + "."))
                .invoke(seller -> seller.sites.add(site(seller, request)))
                .call(seller -> registrations.announceNextVersion(seller, clerk));
    }

    /** A supervisor blocks an active seller with the reason; the change is kept in the seller's standing history. */
    @WithTransaction
    public Uni<Seller> block(UUID sellerId, String reason, String supervisor) {
        return find(sellerId).call(seller -> {
            if (seller.status == SellerStatus.BLOCKED) {
                throw new StationException(
                        StationError.WRONG_STATE,
                        seller.name + " is already blocked (" + seller.statusReason
                                + "). Unblock first, then block with the new reason.");
            }
            seller.status = SellerStatus.BLOCKED;
            seller.statusReason = reason.strip();
            return standing.persist(standingChange(seller, reason, supervisor));
        });
    }

    /** A supervisor unblocks a blocked seller with the reason; the block and its reason stay in the history. */
    @WithTransaction
    public Uni<Seller> unblock(UUID sellerId, String reason, String supervisor) {
        return find(sellerId).call(seller -> {
            if (seller.status != SellerStatus.BLOCKED) {
                throw new StationException(StationError.WRONG_STATE, seller.name + " is not blocked.");
            }
            seller.status = SellerStatus.ACTIVE;
            seller.statusReason = null;
            return standing.persist(standingChange(seller, reason, supervisor));
        });
    }

    /** Every block and unblock of the seller, oldest first. */
    @WithSession
    public Uni<List<SellerStandingChange>> standingHistory(UUID sellerId) {
        return find(sellerId).chain(seller -> standing.ofSeller(seller.id));
    }

    private SellerStandingChange standingChange(Seller seller, String reason, String supervisor) {
        SellerStandingChange change = new SellerStandingChange();
        change.id = UUID.randomUUID();
        change.sellerId = seller.id;
        change.status = seller.status;
        change.reason = reason.strip();
        change.changedBy = supervisor;
        change.changedAt = clock.instant();
        return change;
    }

    /** The seller, if they may sell from that site today; otherwise a refusal with the reason. */
    public Uni<Seller> requireEligible(UUID sellerId, UUID mineSiteId) {
        LocalDate today = LocalDate.now(clock.withZone(limits.timeZone()));
        // detached once read: the check must never write the seller back (the national register's consumer updates the
        // same row meanwhile, and a write-back from the payment's session failed its optimistic lock)
        return sellers.findById(sellerId)
                .call(seller -> seller == null
                        ? Uni.createFrom().voidItem()
                        : Panache.getSession().invoke(session -> session.detach(seller)))
                .invoke(seller -> SellerEligibility.check(seller, mineSiteId, today)
                        .ifPresent(refusal -> {
                            throw new StationException(
                                    StationError.valueOf(refusal.reason().name()), refusal.message());
                        }));
    }

    private static MineSite site(Seller seller, NewSite request) {
        MineSite site = new MineSite();
        site.id = UUID.randomUUID();
        site.seller = seller;
        site.name = request.name().trim();
        site.latitude = request.latitude();
        site.longitude = request.longitude();
        site.licenceArea = request.licenceArea();
        return site;
    }

    private static void refuseDuplicate(Seller existing, String what) {
        if (existing != null) {
            throw new StationException(
                    StationError.DUPLICATE,
                    "A seller with " + what + " is already registered (" + existing.name + ", id " + existing.id
                            + ").");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
