package org.goldbuying.station.receipt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationPublicKey;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceiptTest {

    /** Cash is paid from the clerk's open shift's drawer. */
    @BeforeEach
    void clerksShiftIsOpen() {
        Shifts.openFor("clerk");
    }

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    static String quotedLot(String grams) {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal(grams));
        return given().contentType(ContentType.JSON)
                .body(Sellers.newLot(Sellers.individual(), "915.0"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aPaidLotHasAReceiptWithEveryTermAndACodeTheCentreCanCheck() throws DataFormatException {
        String id = quotedLot("12.34");
        given().get("/api/lots/" + id + "/receipt").then().statusCode(409).body("code", equalTo("WRONG_STATE"));
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        String code = given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .extract()
                .path("verificationCode");

        String html = given().accept("text/html")
                .get("/api/lots/" + id + "/receipt")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(allOf(
                        containsString(code),
                        containsString("Amina Nakato"),
                        containsString("Kasanda pit 4"),
                        containsString("class II"),
                        containsString("2100 g / 0.2 g / 0.01 g / 0.01 g"),
                        containsString("WM-2026-0042"),
                        containsString("12.34 g"),
                        containsString("11.2911 g"),
                        containsString("2650.00 USD per troy ounce"),
                        containsString("3,559,385 UGX"),
                        containsString("- 177,969 UGX"),
                        containsString("- 142,375 UGX"),
                        containsString("3,239,041 UGX"),
                        containsString("3,206,650 UGX"),
                        containsString("32,391 UGX"),
                        containsString("<svg"),
                        containsString("verify?lot=" + id + "&amp;code=" + code)))
                .extract()
                .asString();
        // the QR link carries the signed purchase: a phone checks it with the station's published key, offline
        Matcher link = Pattern.compile("data-qr-link=\"([^\"]+)\"").matcher(html);
        assertThat(link.find()).isTrue();
        String fragment = link.group(1).replace("&amp;", "&");
        assertThat(fragment).contains("verify?lot=" + id + "&code=" + code + "#p=");
        SignedPurchases.Received signed =
                SignedPurchases.read(inflate(fragment.substring(fragment.indexOf("#p=") + 3)));
        assertThat(signed.event().purchaseId().toString()).isEqualTo(id);
        assertThat(signed.event().verificationCode()).isEqualTo(code);
        StationPublicKey stationKey = StationPublicKey.parse(
                given().get("/api/identity").then().statusCode(200).extract().path("publicKey"));
        assertThat(stationKey.verifies(signed.signedBytes(), signed.event().signature()))
                .isTrue();

        given().accept("text/plain")
                .get("/api/lots/" + id + "/receipt.txt")
                .then()
                .statusCode(200)
                .body(allOf(
                        containsString("NET PAYABLE  3,239,041 UGX"),
                        containsString("Verification code " + code),
                        containsString("Max 2100 g  Min 0.2 g")));
    }

    static String inflate(String base64url) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getUrlDecoder().decode(base64url));
        byte[] out = new byte[16384];
        int length = inflater.inflate(out);
        inflater.end();
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    @Test
    void moneyIsFormattedExactlyInEveryCurrency() {
        org.assertj.core.api.Assertions.assertThat(org.goldbuying.station.common.MoneyFormat.money(3_239_041, 0, "UGX"))
                .isEqualTo("3,239,041 UGX");
        org.assertj.core.api.Assertions.assertThat(org.goldbuying.station.common.MoneyFormat.money(1_491_094, 2, "GHS"))
                .isEqualTo("14,910.94 GHS");
        org.assertj.core.api.Assertions.assertThat(org.goldbuying.station.common.MoneyFormat.money(5, 2, "GHS"))
                .isEqualTo("0.05 GHS");
        org.assertj.core.api.Assertions.assertThat(
                        org.goldbuying.station.common.MoneyFormat.money(90_071_992_547_409_93L, 3, "KWD"))
                .isEqualTo("9,007,199,254,740.993 KWD");
    }
}
