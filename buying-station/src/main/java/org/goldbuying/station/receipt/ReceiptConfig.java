package org.goldbuying.station.receipt;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "station.receipt")
public interface ReceiptConfig {
    /** The centre's public receipt check; the QR code carries it with the lot id and verification code. */
    String verifyUrl();
}
