package org.goldbuying.centre.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Appends to the audit trail of prices and policy; called inside the transaction whose change it records. */
@ApplicationScoped
public class PriceAuditTrail implements PanacheRepositoryBase<PriceChangeAudit, Long> {
    public static final String POLICY = "POLICY";
    public static final String PRICE = "PRICE";

    private final ObjectMapper json;
    private final Clock clock;

    public PriceAuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Uni<Void> record(String actor, String action, String subject, long subjectId, Map<String, ?> detail) {
        PriceChangeAudit line = new PriceChangeAudit();
        line.at = clock.instant();
        line.actor = actor;
        line.action = action;
        line.subject = subject;
        line.subjectId = subjectId;
        try {
            line.detail = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail of " + action, e);
        }
        return persist(line).replaceWithVoid();
    }

    public Uni<List<PriceChangeAudit>> latest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
