package org.goldbuying.station.counter;

import java.time.Instant;
import org.goldbuying.station.lot.LotView;

/**
 * One message on the counter's live stream.
 *
 * @param type    CONNECTED (the stream is live), ASSAYING, SHOT, QUOTED, DENSITY, APPROVED (with the lot as it is now),
 *                or XRF_PROBLEM (with a message for the clerk and no lot)
 */
public record CounterEvent(String type, Instant at, LotView lot, String message) {}
