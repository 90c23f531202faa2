package org.goldbuying.centre.ingest;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** One purchase message as it was read from Kafka: where it came from (for the dead-letter headers) and its text. */
public record IncomingPurchase(String topic, int partition, long offset, String key, String json) {

    static IncomingPurchase of(KafkaRecord<String, String> record) {
        long offset = ((Message<?>) record)
                .getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> ((IncomingKafkaRecordMetadata<?, ?>) metadata).getOffset())
                .orElse(-1L);
        return new IncomingPurchase(
                record.getTopic(), record.getPartition(), offset, record.getKey(), record.getPayload());
    }
}
