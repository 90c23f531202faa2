package org.goldbuying.station.lot;

import java.security.SecureRandom;

/**
 * Receipt verification codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I), unguessable, so a
 * code printed on a receipt can only be confirmed by the centre that ingested the purchase.
 */
final class VerificationCodes {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {}

    static String next() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
