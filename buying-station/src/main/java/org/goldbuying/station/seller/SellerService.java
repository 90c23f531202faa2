package org.goldbuying.station.seller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.seller.SellerRequests.NewSeller;
import org.goldbuying.station.seller.SellerRequests.NewSite;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Registers sellers and their mine sites, blocks and unblocks them, and says whether one may sell now. */
@ApplicationScoped
public class SellerService {
    private final SellerRepository sellers;
    private final LimitsConfig limits;
    private final Clock clock;

    public SellerService(SellerRepository sellers, LimitsConfig limits, Clock clock) {
        this.sellers = sellers;
        this.limits = limits;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Seller> register(NewSeller request) {
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
                    .invoke(existing -> refuseDuplicate(existing, "national ID " + request.nationalId())).replaceWithVoid();
        }
        if (!blank(request.licenceNumber())) {
            unique = unique.chain(() -> sellers.findByLicence(request.licenceNumber()))
                    .invoke(existing -> refuseDuplicate(existing, "licence " + request.licenceNumber())).replaceWithVoid();
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
            return sellers.persist(seller);
        });
    }

    @WithSession
    public Uni<Seller> find(UUID id) {
        return sellers.findById(id).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No seller with id " + id + "."));
    }

    @WithSession
    public Uni<Seller> lookUp(String nationalId, String licenceNumber) {
        if (!blank(nationalId)) {
            return sellers.findByNationalId(nationalId).onItem().ifNull().failWith(
                    () -> new StationException(StationError.NOT_FOUND, "No seller with national ID " + nationalId + "."));
        }
        if (!blank(licenceNumber)) {
            return sellers.findByLicence(licenceNumber).onItem().ifNull().failWith(
                    () -> new StationException(StationError.NOT_FOUND, "No seller with licence " + licenceNumber + "."));
        }
        throw new IllegalArgumentException("Look a seller up by nationalId or licenceNumber.");
    }

    @WithTransaction
    public Uni<Seller> addSite(UUID sellerId, NewSite request) {
        return sellers.findById(sellerId).onItem().ifNull()
                .failWith(() -> new StationException(StationError.NOT_FOUND, "No seller with id " + sellerId + "."))
                .invoke(seller -> seller.sites.add(site(seller, request)));
    }

    @WithTransaction
    public Uni<Seller> block(UUID sellerId, String reason) {
        return find(sellerId).invoke(seller -> {
            seller.status = SellerStatus.BLOCKED;
            seller.statusReason = reason.trim();
        });
    }

    @WithTransaction
    public Uni<Seller> unblock(UUID sellerId) {
        return find(sellerId).invoke(seller -> {
            seller.status = SellerStatus.ACTIVE;
            seller.statusReason = null;
        });
    }

    /** The seller, if they may sell from that site today; otherwise a refusal with the reason. */
    public Uni<Seller> requireEligible(UUID sellerId, UUID mineSiteId) {
        LocalDate today = LocalDate.now(clock.withZone(limits.timeZone()));
        return sellers.findById(sellerId).invoke(seller -> SellerEligibility.check(seller, mineSiteId, today)
                .ifPresent(refusal -> {
                    throw new StationException(StationError.valueOf(refusal.reason().name()), refusal.message());
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
            throw new StationException(StationError.DUPLICATE, "A seller with " + what + " is already registered ("
                    + existing.name + ", id " + existing.id + ").");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
