package org.goldbuying.station.lot;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * The XRF shots recorded against a lot, as its view shows them (oldest first). Implemented by the assay feature,
 * which works on lots: the lot package does not depend on it.
 */
public interface LotShots {
    /** Must run inside a session. */
    Uni<List<ShotView>> of(UUID lotId);
}
