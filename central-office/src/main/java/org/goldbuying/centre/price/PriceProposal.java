package org.goldbuying.centre.price;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.goldbuying.centre.common.FourEyesRecord;

/**
 * A spot price waiting for two treasury users: a feed value the guard held (HELD until someone vouches for it) or a
 * price typed by treasury (PROPOSED by its author). The second, different person's approval publishes it.
 */
@Entity
@Table(name = "price_proposal")
public class PriceProposal extends FourEyesRecord {
    public static final String KIND_HELD = "HELD";
    public static final String KIND_MANUAL = "MANUAL";
    public static final String HELD = "HELD";
    public static final String SUPERSEDED = "SUPERSEDED";
    /** The tick source of a typed price: not a feed, not simulated. */
    public static final String MANUAL_SOURCE = "manual";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    @Column(name = "spot_usd_per_troy_ounce")
    public BigDecimal spotUsdPerTroyOunce;

    @Column(name = "source_name")
    public String sourceName;

    public boolean simulated;

    @Column(name = "observed_at")
    public Instant observedAt;
    /** The last accepted spot when the feed value was held: what the move was measured against. */
    @Column(name = "reference_spot")
    public BigDecimal referenceSpot;
    /** The guard's reason for a held value; the author's note for a typed one. */
    public String note;

    @Column(name = "created_at")
    public Instant createdAt;
    /** The tick that published it, once approved. */
    @Column(name = "tick_sequence")
    public Long tickSequence;

    public boolean pending() {
        return HELD.equals(status) || PROPOSED.equals(status);
    }
}
