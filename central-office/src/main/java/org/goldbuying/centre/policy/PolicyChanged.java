package org.goldbuying.centre.policy;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * A policy version was approved: told to every {@link Listener} after the approval's transaction committed, so that
 * whoever publishes prices can do so at once under the new version. Policy knows nothing of its listeners.
 */
public record PolicyChanged(long version, Instant effectiveAt) {

    /** Implemented by the beans that react to a policy change; a failure is logged and does not undo the approval. */
    public interface Listener {
        Uni<Void> policyChanged(PolicyChanged change);
    }
}
