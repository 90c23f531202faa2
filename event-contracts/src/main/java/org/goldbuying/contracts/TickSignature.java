package org.goldbuying.contracts;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * How a price tick is signed: the centre's Ed25519 signature over the exact UTF-8 bytes of the tick's JSON as sent,
 * in the Kafka header {@link #HEADER} (base64). A station verifies it with the centre's public key, configured at
 * installation, before it keeps the tick; nothing is canonicalised, because the bytes verified are the bytes kept.
 */
public final class TickSignature {
    public static final String HEADER = "signature";

    private TickSignature() {}

    public static String sign(PrivateKey centreKey, String tickJson) {
        return Ed25519.sign(centreKey, tickJson.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean verify(PublicKey centreKey, String tickJson, String signature) {
        return Ed25519.verify(centreKey, tickJson.getBytes(StandardCharsets.UTF_8), signature);
    }
}
