package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A balance as registered with the weights-and-measures authority: what the station must check every
 * transaction reading against.
 *
 * @param deviceId            the station's own name for the device
 * @param serialNumber        the serial number on the verification certificate, compared with what the device reports
 * @param maxGrams            Max, the upper limit of the weighing range
 * @param minGrams            Min, below which relative error is too large for trade (commonly 20 d)
 * @param verificationIntervalGrams e, the verification scale interval
 * @param displayIntervalGrams      d, the actual scale interval
 * @param verificationExpiry  last day on which the verification is valid
 */
public record RegisteredBalance(
        String deviceId,
        String serialNumber,
        AccuracyClass accuracyClass,
        BigDecimal maxGrams,
        BigDecimal minGrams,
        BigDecimal verificationIntervalGrams,
        BigDecimal displayIntervalGrams,
        String certificateNumber,
        LocalDate verificationExpiry) {

    public RegisteredBalance {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(accuracyClass, "accuracyClass");
        Objects.requireNonNull(maxGrams, "maxGrams");
        Objects.requireNonNull(minGrams, "minGrams");
        Objects.requireNonNull(verificationIntervalGrams, "verificationIntervalGrams");
        Objects.requireNonNull(displayIntervalGrams, "displayIntervalGrams");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(verificationExpiry, "verificationExpiry");
        if (minGrams.signum() <= 0 || maxGrams.compareTo(minGrams) <= 0) {
            throw new IllegalArgumentException("need 0 < Min < Max, got Min=" + minGrams + " Max=" + maxGrams);
        }
        if (verificationIntervalGrams.signum() <= 0 || displayIntervalGrams.signum() <= 0) {
            throw new IllegalArgumentException("e and d must be positive");
        }
    }
}
