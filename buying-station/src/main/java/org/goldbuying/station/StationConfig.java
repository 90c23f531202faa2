package org.goldbuying.station;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/**
 * Who this station is: the id that keys its purchases on the way to the centre, its region, and the file of the key
 * that signs its purchases.
 */
@ConfigMapping(prefix = "station")
public interface StationConfig {
    String id();

    String region();

    /** The station's Ed25519 private key (PKCS#8 PEM, mode 600), made there at installation when absent. */
    Path signingKeyFile();
}
