package org.goldbuying.contracts;

import java.util.Locale;

/**
 * How the national register compares identity numbers, at every station and at the centre alike: a clerk typing
 * {@code cm-90012 345} for the blocked {@code CM90012345} must find that seller, not register a new one.
 */
public final class SellerIdentity {
    private SellerIdentity() {}

    /** A national ID without case, spaces or dashes (null when blank). */
    public static String nationalId(String raw) {
        return raw == null || raw.isBlank()
                ? null
                : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** A licence number without case or spaces; its '/' and '-' are part of it (null when blank). */
    public static String licence(String raw) {
        return raw == null || raw.isBlank() ? null : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
