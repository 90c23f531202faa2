package org.goldbuying.web;

/**
 * Patterns for a reason or note a person must write for the audit trail (Bean Validation's {@code @Pattern}). The
 * length counts without the spaces around the text, which are taken off before it is kept: {@code @Size(min = 10)}
 * alone accepts a single letter padded with spaces. Unicode spaces count as spaces ({@code strip()} takes them off).
 */
public final class WrittenReason {
    /** At least 10 characters once the spaces around them are taken off. */
    public static final String AT_LEAST_10 = "(?sU)\\s*\\S.{8,}\\S\\s*";

    public static final String AT_LEAST_10_RULE = "must say why in at least 10 characters";

    /** At least 5 characters once the spaces around them are taken off. */
    public static final String AT_LEAST_5 = "(?sU)\\s*\\S.{3,}\\S\\s*";

    public static final String AT_LEAST_5_RULE = "must say why in at least 5 characters";

    private WrittenReason() {}
}
