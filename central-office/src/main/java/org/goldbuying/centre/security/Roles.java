package org.goldbuying.centre.security;

/** Treasury reads and acts; auditors read everything and change nothing. */
public final class Roles {
    public static final String TREASURY = "treasury";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
