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

    @OneToMany(mappedBy = "seller", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    public List<MineSite> sites = new ArrayList<>();

    @Version
    public int version;
}
