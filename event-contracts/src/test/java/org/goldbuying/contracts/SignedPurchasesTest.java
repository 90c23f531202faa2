package org.goldbuying.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPurchasesTest {
    private static final StationSigningKey KEY =
            StationSigningKey.of(Ed25519.generate().getPrivate());

    static PurchaseEvent unsigned(String previousHash) throws IOException {
        return unsigned(previousHash, KEY.keyId());
    }

    static PurchaseEvent unsigned(String previousHash, String keyId) throws IOException {
        PurchaseEvent v1 = Contract.PURCHASE_EVENT.read(ContractTest.example("purchase-event.v1.json"));
        return new PurchaseEvent(
                PurchaseEvent.SIGNED_CONTRACT,
                v1.eventId(),
                v1.purchaseId(),
                v1.stationId(),
                v1.region(),
                v1.stationSequence(),
                v1.paidAt(),
                v1.seller(),
                v1.weighing(),
                v1.assay(),
                v1.fineGrams(),
                v1.price(),
                v1.currency(),
                v1.currencyExponent(),
                v1.grossValueMinor(),
                v1.deductionsMinor(),
                v1.netPayableMinor(),
                v1.verificationCode(),
                keyId,
                previousHash,
                null);
    }

    @Test
    void aSignedPurchaseReadsBackWithTheBytesItsKeySigned() throws IOException {
        SignedPurchases.Signed signed = SignedPurchases.sign(unsigned("ab".repeat(32)), KEY);

        SignedPurchases.Received received = SignedPurchases.read(signed.json());

        assertThat(received.event().signed()).isTrue();
        assertThat(received.chainHash()).isEqualTo(signed.chainHash()).hasSize(64);
        assertThat(KEY.publicKey()
                        .verifies(received.signedBytes(), received.event().signature()))
                .isTrue();
        // the JDK's own Ed25519 agrees: any standard verifier can check a station's signature
        assertThat(Ed25519.verify(
                        Ed25519.publicKey(KEY.publicKey().text()),
                        received.signedBytes(),
                        received.event().signature()))
                .isTrue();
    }

    @Test
    void fieldOrderAndSpacingDoNotChangeTheSignedBytes() throws IOException {
        SignedPurchases.Signed signed = SignedPurchases.sign(unsigned(null), KEY);
        ObjectNode node = (ObjectNode) Contract.MAPPER.readTree(signed.json());
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
        Collections.reverse(fields);
        ObjectNode reordered = Contract.MAPPER.createObjectNode();
        fields.forEach(field -> reordered.set(field.getKey(), field.getValue()));
        String pretty = Contract.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);

        SignedPurchases.Received received = SignedPurchases.read(pretty);

        assertThat(received.chainHash()).isEqualTo(signed.chainHash());
        assertThat(KEY.publicKey()
                        .verifies(received.signedBytes(), received.event().signature()))
                .isTrue();
    }

    @Test
    void aChangedFigureOrAnotherKeyDoesNotVerify() throws IOException {
        SignedPurchases.Signed signed = SignedPurchases.sign(unsigned(null), KEY);
        SignedPurchases.Received tampered =
                SignedPurchases.read(signed.json().replace("\"grossGrams\":\"12.34\"", "\"grossGrams\":\"123.4\""));
        StationPublicKey other =
                StationSigningKey.of(Ed25519.generate().getPrivate()).publicKey();

        assertThat(KEY.publicKey()
                        .verifies(tampered.signedBytes(), tampered.event().signature()))
                .isFalse();
        assertThat(tampered.chainHash()).isNotEqualTo(signed.chainHash());
        SignedPurchases.Received genuine = SignedPurchases.read(signed.json());
        assertThat(other.verifies(genuine.signedBytes(), genuine.event().signature()))
                .isFalse();
        assertThat(KEY.publicKey().verifies(genuine.signedBytes(), "AAAA")).isFalse();
        assertThat(KEY.publicKey().verifies(genuine.signedBytes(), "not base64!"))
                .isFalse();
    }

    @Test
    void aVersionOnePurchaseReadsWithAChainHashAndNoSignature() throws IOException {
        SignedPurchases.Received v1 = SignedPurchases.read(ContractTest.example("purchase-event.v1.json"));

        assertThat(v1.event().signed()).isFalse();
        assertThat(v1.event().signature()).isNull();
        assertThat(v1.chainHash()).matches("[0-9a-f]{64}");
        assertThat(Contract.PURCHASE_EVENT.write(v1.event())).doesNotContain("stationKeyId", "signature");
    }

    @Test
    void signedEventsMustCarryTheirSignatureAndKey() throws IOException {
        SignedPurchases.Signed signed = SignedPurchases.sign(unsigned(null), KEY);
        String unsignedText = signed.json().replaceAll(",\"signature\":\"[^\"]+\"", "");

        assertThatThrownBy(() -> SignedPurchases.read(unsignedText))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> SignedPurchases.read(signed.json().replace(KEY.keyId(), "nothex")))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("stationKeyId");
        assertThatThrownBy(() -> SignedPurchases.sign(unsigned(null, "0123456789abcdef"), KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDocumentedExampleVerifiesWithTheDocumentedKey() throws IOException {
        String json = ContractTest.example("purchase-event.v2.json");
        StationPublicKey key = StationPublicKey.parse(ContractTest.example("station-MUB-01.public-key.txt"));

        SignedPurchases.Received received = SignedPurchases.read(json);

        assertThat(received.event().stationKeyId()).isEqualTo(key.keyId());
        assertThat(key.verifies(received.signedBytes(), received.event().signature()))
                .isTrue();
        assertThat(SignedPurchases.read(ContractTest.example("purchase-event.v2.next.json"))
                        .event()
                        .previousPurchaseHash())
                .isEqualTo(received.chainHash());
    }

    @Test
    void publicKeysAreCheckedAndNamedByTheirDigest() {
        KeyPair pair = Ed25519.generate();
        StationPublicKey key = StationPublicKey.of(pair.getPublic());

        assertThat(StationPublicKey.parse(key.text()).keyId())
                .isEqualTo(key.keyId())
                .matches("[0-9a-f]{16}");
        assertThatThrownBy(() -> StationPublicKey.parse("")).hasMessageContaining("no public key");
        assertThatThrownBy(() -> StationPublicKey.parse("%%%")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> StationPublicKey.parse(Base64.getEncoder().encodeToString(new byte[32])))
                .hasMessageContaining("44-byte X.509");
    }

    @Test
    void aStationKeyIsMadeOnceReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/station.pem");

        StationSigningKey made = StationSigningKey.readOrCreate(file);
        StationSigningKey again = StationSigningKey.readOrCreate(file);

        assertThat(again.keyId()).isEqualTo(made.keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> StationSigningKey.readOrCreate(file)).hasMessageContaining("chmod 600");
    }
}
