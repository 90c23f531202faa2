package org.goldbuying.centre.policy;

import java.time.Instant;
import java.util.Objects;

/** An approved policy version and the moment it took effect: the input of {@link PolicyRules#inForce}. */
public record PolicyVersion(long id, PolicyTerms terms, Instant effectiveAt) {
    public PolicyVersion {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }
}
