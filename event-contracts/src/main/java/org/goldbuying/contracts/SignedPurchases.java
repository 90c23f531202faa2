package org.goldbuying.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Signing and reading purchases (docs/contracts/purchase-event.v2.schema.json). The signed bytes are the RFC 8785
 * canonical JSON of the event without its {@code signature} field, so the centre, an auditor or a phone checking a
 * receipt gets the same bytes from any faithful copy of the event, whatever its field order or spacing. The chain hash
 * (SHA-256 of those bytes, hex) is what the station's next purchase names as its {@code previousPurchaseHash}; a
 * version-1 purchase has one too, so a station's chain can start after purchases it sent unsigned.
 */
public final class SignedPurchases {
    private static final String SIGNATURE = "signature";

    private SignedPurchases() {}

    /** A purchase as sent: its JSON and its chain hash. */
    public record Signed(String json, String chainHash) {}

    /** A purchase as received, with what a verifier needs: the signed bytes and the chain hash. */
    public record Received(PurchaseEvent event, byte[] signedBytes, String chainHash) {}

    /**
     * Signs a version-2 purchase whose {@code signature} is still null and checks the result against the contract.
     *
     * @throws ContractViolation when the event breaks the contract
     */
    public static Signed sign(PurchaseEvent unsigned, StationSigningKey key) {
        if (!unsigned.signed() || unsigned.signature() != null || !key.keyId().equals(unsigned.stationKeyId())) {
            throw new IllegalArgumentException(
                    "only an unsigned " + PurchaseEvent.SIGNED_CONTRACT + " naming the signing key can be signed");
        }
        ObjectNode node = Contract.MAPPER.valueToTree(unsigned);
        byte[] signedBytes = canonical(node);
        node.put(SIGNATURE, key.sign(signedBytes));
        return new Signed(Contract.SIGNED_PURCHASE_EVENT.write(node), chainHash(signedBytes));
    }

    /**
     * Reads a purchase of either version: parsed once, validated against the schema its {@code contract} names, bound,
     * and canonicalised. Checks nothing about the signature: that needs the station's registered key.
     *
     * @throws ContractViolation when the message breaks its contract (or names none)
     */
    public static Received read(String json) {
        Contract<PurchaseEvent> contract = Contract.PURCHASE_EVENT;
        JsonNode node;
        try {
            node = Contract.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(contract.name(), List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (node != null
                && PurchaseEvent.SIGNED_CONTRACT.equals(node.path("contract").asText())) {
            contract = Contract.SIGNED_PURCHASE_EVENT;
        }
        PurchaseEvent event = contract.read(node);
        ObjectNode signedPart = (ObjectNode) node;
        signedPart.remove(SIGNATURE);
        byte[] signedBytes = canonical(signedPart);
        return new Received(event, signedBytes, chainHash(signedBytes));
    }

    static byte[] canonical(ObjectNode node) {
        try {
            return new JsonCanonicalizer(Contract.MAPPER.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise the purchase: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the signed bytes, lower-case hex. */
    public static String chainHash(byte[] signedBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signedBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
