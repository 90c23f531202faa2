package org.goldbuying.centre.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;

/** Checks a receipt's verification code against the ingested purchase. Pure functions, no I/O. */
public final class ReceiptVerifier {
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{8,32}$");

    private ReceiptVerifier() {}

    /** A purchase as the centre recorded it, with the code its receipt carries. */
    /** A purchase as the reserve holds it; {@code reversal} says why and when it was reversed, null if it was not. */
    public record Recorded(ReceiptCheck.Purchase purchase, String verificationCode, String reversal) {}

    public static UUID purchaseId(String text) {
        if (text == null || text.isBlank()) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "The purchase number printed on the receipt is required.");
        }
        try {
            UUID id = UUID.fromString(text.trim());
            // UUID.fromString accepts shortened groups ("1-2-3-4-5"); a receipt always prints the canonical form
            if (!id.toString().equalsIgnoreCase(text.trim())) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new CentreException(
                    CentreError.BAD_REQUEST,
                    "\"" + abbreviate(text)
                            + "\" is not a purchase number: it has 36 characters like "
                            + "9b2f6a4e-1f7d-4e0b-8a1a-2c3d4e5f6a7b.");
        }
    }

    /** The code as printed, forgiving case, spaces and dashes a person may type; 400 when it cannot be one. */
    public static String code(String text) {
        if (text == null || text.isBlank()) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "The verification code printed on the receipt is required.");
        }
        String code = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new CentreException(
                    CentreError.BAD_REQUEST,
                    "A verification code is 8 to 32 letters and digits, as printed on the receipt.");
        }
        return code;
    }

    public static ReceiptCheck check(UUID purchaseId, Optional<Recorded> recorded, String code) {
        if (recorded.isEmpty()) {
            return new ReceiptCheck(
                    ReceiptCheck.Result.UNKNOWN_PURCHASE,
                    "No purchase " + purchaseId
                            + " has reached the central bank. A purchase made while the station was offline arrives "
                            + "when it"
                            + " reconnects; if it is still unknown after that, report the receipt.",
                    purchaseId,
                    null);
        }
        // constant time, so that the answer's timing tells nothing about how much of a guessed code was right
        boolean matches = MessageDigest.isEqual(
                code.getBytes(StandardCharsets.US_ASCII),
                recorded.get().verificationCode().getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return new ReceiptCheck(
                    ReceiptCheck.Result.CODE_MISMATCH,
                    "Purchase " + purchaseId
                            + " exists, but this is not its verification code. Check the code on the receipt; a "
                            + "receipt whose"
                            + " code does not match is not genuine.",
                    purchaseId,
                    null);
        }
        if (recorded.get().reversal() != null) {
            return new ReceiptCheck(
                    ReceiptCheck.Result.REVERSED,
                    "This receipt was genuine, but the purchase was reversed at its station ("
                            + recorded.get().reversal() + "): it no longer counts in the national reserve. Ask the"
                            + " station why; a reversal is decided by two supervisors.",
                    purchaseId,
                    recorded.get().purchase());
        }
        return new ReceiptCheck(
                ReceiptCheck.Result.VERIFIED,
                "Genuine: this purchase is recorded by the central bank as shown.",
                purchaseId,
                recorded.get().purchase());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
