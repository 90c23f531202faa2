package org.goldbuying.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
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

    /** What a station sends on the purchases topic: a purchase, or the reversal of one. */
    public sealed interface StationMessage permits Received, ReceivedReversal, ReceivedRegistration {}

    /** A purchase as received, with what a verifier needs: the signed bytes and the chain hash. */
    public record Received(PurchaseEvent event, byte[] signedBytes, String chainHash) implements StationMessage {}

    /** A reversal as received, with the bytes its signature covers. */
    public record ReceivedReversal(PurchaseReversal reversal, byte[] signedBytes) implements StationMessage {}

    /** A seller registration as received, with the bytes its signature covers. */
    public record ReceivedRegistration(SellerRegistration registration, byte[] signedBytes) implements StationMessage {}

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

    /** Signs a reversal whose {@code signature} is still null and checks the result against its contract. */
    public static String signReversal(PurchaseReversal unsigned, StationSigningKey key) {
        if (unsigned.signature() != null || !key.keyId().equals(unsigned.stationKeyId())) {
            throw new IllegalArgumentException("only an unsigned reversal naming the signing key can be signed");
        }
        ObjectNode node = Contract.MAPPER.valueToTree(unsigned);
        node.put(SIGNATURE, key.sign(canonical(node)));
        return Contract.PURCHASE_REVERSAL.write(node);
    }

    /** Signs a seller registration whose {@code signature} is still null and checks it against its contract. */
    public static String signRegistration(SellerRegistration unsigned, StationSigningKey key) {
        if (unsigned.signature() != null || !key.keyId().equals(unsigned.stationKeyId())) {
            throw new IllegalArgumentException("only an unsigned registration naming the signing key can be signed");
        }
        ObjectNode node = Contract.MAPPER.valueToTree(unsigned);
        node.put(SIGNATURE, key.sign(canonical(node)));
        return Contract.SELLER_REGISTRATION.write(node);
    }

    /**
     * Reads a purchase of either version: parsed once, validated against the schema its {@code contract} names, bound,
     * and canonicalised. Checks nothing about the signature: that needs the station's registered key.
     *
     * @throws ContractViolation when the message breaks its contract (or names none, or is a reversal)
     */
    public static Received read(String json) {
        if (readMessage(json) instanceof Received received) {
            return received;
        }
        throw new ContractViolation(Contract.PURCHASE_EVENT.name(), List.of("a reversal, not a purchase"));
    }

    /**
     * Reads whatever a station sent on the purchases topic (a purchase of either version, a reversal, a seller
     * registration), validated against the contract its {@code contract} field names; a message naming no known
     * contract is read as a version-1 purchase, whose schema then says what is wrong with it.
     *
     * @throws ContractViolation when the message breaks its contract
     */
    public static StationMessage readMessage(String json) {
        JsonNode node;
        try {
            node = Contract.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractViolation(Contract.PURCHASE_EVENT.name(), List.of("not JSON: " + e.getOriginalMessage()));
        }
        String named = node == null ? "" : node.path("contract").asText();
        if (SellerRegistration.CONTRACT.equals(named)) {
            SellerRegistration registration = Contract.SELLER_REGISTRATION.read(node);
            return new ReceivedRegistration(registration, canonical(withoutSignature(node)));
        }
        if (PurchaseReversal.CONTRACT.equals(named)) {
            PurchaseReversal reversal = Contract.PURCHASE_REVERSAL.read(node);
            return new ReceivedReversal(reversal, canonical(withoutSignature(node)));
        }
        Contract<PurchaseEvent> contract =
                PurchaseEvent.SIGNED_CONTRACT.equals(named) ? Contract.SIGNED_PURCHASE_EVENT : Contract.PURCHASE_EVENT;
        PurchaseEvent event = contract.read(node);
        byte[] signedBytes = canonical(withoutSignature(node));
        return new Received(event, signedBytes, chainHash(signedBytes));
    }

    private static ObjectNode withoutSignature(JsonNode node) {
        ObjectNode signedPart = (ObjectNode) node;
        signedPart.remove(SIGNATURE);
        return signedPart;
    }

    static byte[] canonical(ObjectNode node) {
        try {
            return new JsonCanonicalizer(Contract.MAPPER.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise the purchase: " + e.getMessage(), e);
        }
    }

    /**
     * What a receipt's QR link carries after its {@code #} so that a phone can check the purchase without asking
     * anyone: {@code p=} and the signed purchase, raw DEFLATE, base64url. A fragment never reaches a server, so the
     * purchase's details stay on the phone; the centre's verify page checks the signature with the published key.
     */
    public static String receiptFragment(String signedPurchaseJson) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(signedPurchaseJson.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(signedPurchaseJson.length());
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return "#p=" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
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
