package org.goldbuying.web.session;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A login refused because the account is locked after repeated wrong passwords, whatever the password now. */
public final class AccountLock {
    private static final String UNTIL = "account-locked-until";

    private AccountLock() {}

    /** The refusal an identity provider raises for a locked account. */
    public static AuthenticationFailedException refusal(Instant until) {
        return new AuthenticationFailedException("account locked until " + until, Map.of(UNTIL, until));
    }

    /** Until when the account is locked, when {@code failure} is such a refusal. */
    static Optional<Instant> until(Throwable failure) {
        return failure instanceof AuthenticationFailedException refused
                ? Optional.ofNullable(refused.<Instant>getAttribute(UNTIL))
                : Optional.empty();
    }
}
