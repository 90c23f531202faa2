package org.goldbuying.station.seller;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.goldbuying.contracts.PurchaseEvent;

/** A registered seller: an individual miner, a cooperative, a licensed trader or a processing plant. */
@Entity
@Table(name = "seller")
public class Seller {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "seller_type")
    public PurchaseEvent.SellerType type;

    public String name;

    @Column(name = "national_id")
    public String nationalId;

    @Column(name = "licence_number")
    public String licenceNumber;

    @Column(name = "licence_expiry")
    public LocalDate licenceExpiry;

    @Column(name = "mobile_money_number")
    public String mobileMoneyNumber;

    @Enumerated(EnumType.STRING)
    public SellerStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** How many versions of this seller the station sent to the national register (0: the registration itself). */
    @Column(name = "registration_version")
    public int registrationVersion;

    /** STATION when registered here; NATIONAL_REGISTER for a copy of a seller registered at another station. */
    public String origin = "STATION";

    /** The national register's seller this row belongs to, once the centre's record arrived. */
    @Column(name = "national_seller_id")
    public UUID nationalSellerId;

    /** The standing decided at the centre (null until its record arrived); a national block holds at every counter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "national_status")
    public SellerStatus nationalStatus;

    @Column(name = "national_status_reason")
    public String nationalStatusReason;

    @Column(name = "national_revision")
    public Long nationalRevision;

    @OneToMany(mappedBy = "seller", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    public List<MineSite> sites = new ArrayList<>();

    @Version
    public int version;
}
