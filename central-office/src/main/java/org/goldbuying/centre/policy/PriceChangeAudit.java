package org.goldbuying.centre.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the price and policy audit trail (append-only: the database refuses updates and deletes). */
@Entity
@Table(name = "price_change_audit")
public class PriceChangeAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;
    public String actor;
    public String action;
    public String subject;

    @Column(name = "subject_id")
    public long subjectId;
    /** JSON: what was proposed or decided, and the values before and after where a decision changed them. */
    public String detail;
}
