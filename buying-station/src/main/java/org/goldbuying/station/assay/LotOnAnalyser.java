package org.goldbuying.station.assay;

import java.util.List;
import org.goldbuying.station.lot.Lot;

/**
 * The lot being assayed as it was last stored: its shots, and what the seller had been paid in the AML window. The
 * shot that completes the assay is the start of the latency-critical path (the quote on the counter's screen), and
 * with this it needs no read at all (see {@link RememberedLot}).
 */
record LotOnAnalyser(Lot lot, List<XrfShotRecord> shots, long paidInWindowMinor) {}
