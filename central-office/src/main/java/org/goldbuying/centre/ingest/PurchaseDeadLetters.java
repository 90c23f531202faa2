package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Parks a purchase message the centre refused on gold.purchases.v1.dlq, unchanged, under its original key, with
 * the headers SmallRye's own dead-letter queue writes: {@code dead-letter-reason} (why, in words) and where it was
 * read ({@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}). The returned Uni
 * completes once the broker acknowledged the parked copy, so a batch is acknowledged only after its refusals are
 * safely parked.
 */
@ApplicationScoped
public class PurchaseDeadLetters {
    /** The outgoing channel bound to the dead-letter topic (application.properties). */
    public static final String CHANNEL = "purchases-dead-letter";

    public static final String REASON = "dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(PurchaseDeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public PurchaseDeadLetters(
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> park(BatchOutcome.Parked parked) {
        IncomingPurchase message = parked.message();
        LOG.warnf(
                "Purchase message %s-%d@%d refused, parked on the dead-letter topic: %s",
                message.topic(), message.partition(), message.offset(), parked.reason());
        List<RecordHeader> headers = new ArrayList<>(4);
        headers.add(header(REASON, parked.reason()));
        headers.add(header("dead-letter-topic", message.topic()));
        headers.add(header("dead-letter-partition", Integer.toString(message.partition())));
        headers.add(header("dead-letter-offset", Long.toString(message.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(message.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(message.json(), Metadata.of(metadata)));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
