package org.goldbuying.station.seller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A mine site a seller declared: where the gold is said to come from (proof of source). */
@Entity
@Table(name = "mine_site")
public class MineSite {
    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "seller_id")
    public Seller seller;

    public String name;

    @Column(name = "latitude")
    public BigDecimal latitude;

    @Column(name = "longitude")
    public BigDecimal longitude;

    @Column(name = "licence_area")
    public String licenceArea;
}
