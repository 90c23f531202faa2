package org.goldbuying.station.security;

/** The station's roles. A supervisor can do everything a clerk can, and approve. */
public final class Roles {
    public static final String CLERK = "clerk";
    public static final String SUPERVISOR = "supervisor";

    private Roles() {}
}
