package org.goldbuying.station.receipt;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * Everything printed on a purchase receipt, already formatted: the seller can check every number, and the QR code
 * and verification code let anyone confirm the purchase with the centre.
 */
@TemplateData
public record Receipt(
        String stationId,
        String region,
        String lotId,
        long stationSequence,
        String paidAt,
        String paidBy,
        String approvedBy,
        String sellerName,
        String sellerId,
        String sellerType,
        String sellerDocument,
        String siteName,
        String siteLocation,
        String deviceId,
        String accuracyClass,
        String maxGrams,
        String minGrams,
        String verificationIntervalGrams,
        String displayIntervalGrams,
        String certificateNumber,
        String verificationExpiry,
        Long readingId,
        String rawFrame,
        /** Null for a balance reading; otherwise who typed the weight, why, and who approved it. */
        String weightOverride,
        String grossGrams,
        String finenessPerMille,
        String assayMethod,
        String fineGrams,
        long tickSequence,
        String spotUsdPerTroyOunce,
        String spotUsdPerGram,
        String fxLocalPerUsd,
        String localPerFineGram,
        List<Line> amounts,
        String netPayable,
        String advance,
        String retention,
        String paymentMethod,
        String verificationCode,
        String verifyUrl,
        String qrLink,
        String qrSvg) {

    /** One money line of the breakdown: label and formatted amount (deductions already signed). */
    @TemplateData
    public record Line(String label, String amount) {}
}
