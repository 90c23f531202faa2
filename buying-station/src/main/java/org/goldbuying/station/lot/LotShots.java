package org.goldbuying.station.lot;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The XRF shots recorded against a lot, as its view shows them (oldest first). Implemented by the assay feature,
 * which works on lots: the lot package does not depend on it.
 */
public interface LotShots {
    /** Must run inside a session. */
    Uni<List<ShotView>> of(UUID lotId);

    /** Who typed, pasted or imported the lot's shots (those from the analyser's line name nobody). Inside a session. */
    Uni<Set<String>> enteredBy(UUID lotId);
}
