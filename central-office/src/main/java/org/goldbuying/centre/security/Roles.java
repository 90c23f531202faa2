package org.goldbuying.centre.security;

/**
 * Treasury reads and acts; auditors read everything and change nothing. Compliance and operations come from the bank's
 * identity provider too; they see who they are, and the features for them (national sellers, station operations)
 * name them when they come.
 */
public final class Roles {
    public static final String TREASURY = "treasury";
    public static final String AUDITOR = "auditor";
    public static final String COMPLIANCE = "compliance";
    public static final String OPERATIONS = "operations";

    private Roles() {}
}
