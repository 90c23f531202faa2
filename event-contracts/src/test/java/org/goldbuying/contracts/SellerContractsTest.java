package org.goldbuying.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SellerContractsTest {
    private static final StationSigningKey KEY =
            StationSigningKey.of(Ed25519.generate().getPrivate());

    static SellerRegistration unsigned(String nationalId, String licenceNumber) {
        return new SellerRegistration(
                SellerRegistration.CONTRACT,
                UUID.randomUUID(),
                "MUB-01",
                UUID.randomUUID(),
                0,
                PurchaseEvent.SellerType.INDIVIDUAL,
                "Grace Namukasa",
                nationalId,
                licenceNumber,
                licenceNumber == null ? null : LocalDate.of(2027, 6, 30),
                "+256772000111",
                List.of(new SellerRegistration.Site(
                        UUID.randomUUID(),
                        "Kitumbi pit 4",
                        new BigDecimal("0.571200"),
                        new BigDecimal("31.402100"),
                        null)),
                Instant.parse("2026-12-08T08:00:00Z"),
                "clerk",
                Instant.parse("2026-12-08T08:00:00Z"),
                KEY.keyId(),
                null);
    }

    @Test
    void aSignedRegistrationReadsBackWithTheBytesTheStationSigned() {
        String json = SignedPurchases.signRegistration(unsigned("CM90012345ABCD", null), KEY);

        SignedPurchases.StationMessage read = SignedPurchases.readMessage(json);

        assertThat(read).isInstanceOf(SignedPurchases.ReceivedRegistration.class);
        SignedPurchases.ReceivedRegistration received = (SignedPurchases.ReceivedRegistration) read;
        assertThat(received.registration().nationalId()).isEqualTo("CM90012345ABCD");
        assertThat(received.registration().sites().get(0).latitude()).isEqualByComparingTo("0.5712");
        assertThat(KEY.publicKey()
                        .verifies(
                                received.signedBytes(), received.registration().signature()))
                .isTrue();
        SignedPurchases.ReceivedRegistration renamed = (SignedPurchases.ReceivedRegistration)
                SignedPurchases.readMessage(json.replace("Grace Namukasa", "Grace Namukasa II"));
        assertThat(KEY.publicKey()
                        .verifies(renamed.signedBytes(), renamed.registration().signature()))
                .isFalse();
    }

    @Test
    void aRegistrationNeedsANationalIdOrALicenceAndItsSignature() {
        assertThatThrownBy(() -> SignedPurchases.signRegistration(unsigned(null, null), KEY))
                .isInstanceOf(ContractViolation.class);
        String json = SignedPurchases.signRegistration(unsigned(null, "LIC/2026/77"), KEY);
        String unsignedJson = json.replaceAll(",\"signature\":\"[^\"]+\"", "");
        assertThatThrownBy(() -> SignedPurchases.readMessage(unsignedJson))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("signature");
    }

    @Test
    void coordinatesOutsideTheEarthAreRefused() {
        String json = SignedPurchases.signRegistration(unsigned("CM90012345ABCD", null), KEY);
        for (String[] bad : new String[][] {{"\"0.571200\"", "\"91.5\""}, {"\"31.402100\"", "\"181\""}}) {
            assertThatThrownBy(() -> SignedPurchases.readMessage(json.replace(bad[0], bad[1])))
                    .isInstanceOf(ContractViolation.class);
        }
        assertThat(SignedPurchases.readMessage(json.replace("\"31.402100\"", "\"-180\"")))
                .isInstanceOf(SignedPurchases.ReceivedRegistration.class);
    }

    @Test
    void theDocumentedRecordReadsAndABlockNeedsItsReason() throws IOException {
        String example = ContractTest.example("seller-record.v1.json");

        SellerRecord record = Contract.SELLER_RECORD.read(example);

        assertThat(record.status()).isEqualTo(SellerRecord.Status.BLOCKED);
        assertThat(record.namesAtStation("BUS-02", UUID.fromString("7c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")))
                .isTrue();
        assertThat(record.namesAtStation("MUB-01", UUID.fromString("7c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")))
                .isFalse();
        String noReason = example.replaceAll("\"statusReason\": \"[^\"]+\",", "");
        assertThatThrownBy(() -> Contract.SELLER_RECORD.read(noReason))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("statusReason");
    }
}
