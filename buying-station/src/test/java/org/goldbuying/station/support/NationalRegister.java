package org.goldbuying.station.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;

/** The centre's national register as the station sees it: signed seller records on the register's topic. */
public final class NationalRegister {
    private NationalRegister() {}

    public static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    /** Sends a record as the centre does: signed with the centre's key over the exact bytes, keyed by the seller. */
    public static void publish(String key, SellerRecord record) {
        String json = Contract.SELLER_RECORD.write(record);
        kafka().send(
                        Topics.SELLERS,
                        key,
                        json,
                        Map.of(
                                TickSignature.HEADER,
                                TickSignature.sign(CentreKeyResource.pair().getPrivate(), json)));
    }

    /**
     * A record of national seller {@code sellerId}, registered first at station OTHER-02 and, when {@code here} is
     * given, at this station (TEST-01) under that id.
     */
    public static SellerRecord record(
            UUID sellerId, long revision, String nationalId, SellerRecord.Status status, String reason, UUID here) {
        return new SellerRecord(
                SellerRecord.CONTRACT,
                sellerId,
                revision,
                PurchaseEvent.SellerType.INDIVIDUAL,
                "Amina Nakato",
                nationalId,
                null,
                null,
                "+256700000001",
                status,
                reason,
                here == null
                        ? List.of(new SellerRecord.Alias("OTHER-02", sellerId))
                        : List.of(
                                new SellerRecord.Alias("OTHER-02", sellerId), new SellerRecord.Alias("TEST-01", here)),
                List.of(new SellerRegistration.Site(
                        UUID.randomUUID(), "Mubende pit 9", new BigDecimal("0.5800"), new BigDecimal("31.3700"), null)),
                Instant.now());
    }
}
