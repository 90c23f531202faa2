package org.goldbuying.contracts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One event contract: its JSON Schema (from docs/contracts) and its Java binding. Producers write through
 * {@link #write}, consumers read through {@link #read}; both validate against the schema, so no message that
 * breaks the contract is sent or accepted.
 */
public final class Contract<T> {
    public static final Contract<PurchaseEvent> PURCHASE_EVENT =
            new Contract<>("purchase-event/1", "purchase-event.v1.schema.json", PurchaseEvent.class);
    public static final Contract<PurchaseEvent> SIGNED_PURCHASE_EVENT =
            new Contract<>("purchase-event/2", "purchase-event.v2.schema.json", PurchaseEvent.class);
    public static final Contract<PurchaseReversal> PURCHASE_REVERSAL =
            new Contract<>("purchase-reversal/1", "purchase-reversal.v1.schema.json", PurchaseReversal.class);
    public static final Contract<PriceTick> PRICE_TICK =
            new Contract<>("price-tick/1", "price-tick.v1.schema.json", PriceTick.class);
    public static final Contract<StationHeartbeat> STATION_HEARTBEAT =
            new Contract<>("station-heartbeat/1", "station-heartbeat.v1.schema.json", StationHeartbeat.class);

    public static final Contract<SellerRegistration> SELLER_REGISTRATION =
            new Contract<>("seller-registration/1", "seller-registration.v1.schema.json", SellerRegistration.class);
    public static final Contract<SellerRecord> SELLER_RECORD =
            new Contract<>("seller-record/1", "seller-record.v1.schema.json", SellerRecord.class);

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String name;
    private final JsonSchema schema;
    private final Class<T> type;

    private Contract(String name, String schemaFile, Class<T> type) {
        this.name = name;
        this.type = type;
        this.schema = load(schemaFile);
    }

    private static JsonSchema load(String schemaFile) {
        String resource = "/contracts/" + schemaFile;
        try (InputStream in = Contract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("contract schema missing from the classpath: " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Every rule the JSON breaks; empty when it satisfies the contract. Unparseable JSON is one violation. */
    public List<String> violations(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return violations(node);
    }

    List<String> violations(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return List.of("empty message");
        }
        Set<ValidationMessage> messages = schema.validate(node);
        List<String> reasons = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            reasons.add(message.getMessage());
        }
        return reasons;
    }

    /**
     * Validates and binds a message; throws {@link ContractViolation} with every reason when it is invalid. The text
     * is parsed once: the centre's ingest reads every purchase through here.
     */
    public T read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(name, List.of("not JSON: " + e.getOriginalMessage()));
        }
        return read(node);
    }

    /** Validates and binds a parsed message; throws {@link ContractViolation} with every reason when invalid. */
    T read(JsonNode node) {
        List<String> reasons = violations(node);
        if (!reasons.isEmpty()) {
            throw new ContractViolation(name, reasons);
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation(name, List.of("cannot bind: " + e.getMessage()));
        }
    }

    /** Serialises and validates; a producer that builds an invalid event fails here, before anything is sent. */
    public String write(T event) {
        JsonNode node = MAPPER.valueToTree(event);
        return write(node);
    }

    String write(JsonNode node) {
        List<String> reasons = violations(node);
        if (!reasons.isEmpty()) {
            throw new ContractViolation(name, reasons);
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + name, e);
        }
    }
}
