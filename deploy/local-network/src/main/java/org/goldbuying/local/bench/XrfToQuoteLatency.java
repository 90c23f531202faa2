package org.goldbuying.local.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.goldbuying.local.LocalNetwork;

/**
 * The latency-critical path, end to end on real parts: from the XRF analyser writing the last shot of a lot on its
 * pseudo-terminal to the quote arriving on the counter's live stream (the SSE the counter page reads). The analyser
 * simulator and the stream's reader live in this JVM, so both instants come from the same clock. Issue 4's goal:
 * p99 <= 5 ms. Not a test: run it with deploy/scripts/xrf-latency.sh; results go to docs/performance.md.
 */
public final class XrfToQuoteLatency {
    private final LocalNetwork network;

    private XrfToQuoteLatency(LocalNetwork network) {
        this.network = network;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        // steady state, as a station that has been open for a while: its code compiled, and the harness's too
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (LocalNetwork network = LocalNetwork.start(
                LocalNetwork.Settings.forTests(root, root.resolve("deploy/local-network/target/xrf-latency")))) {
            new XrfToQuoteLatency(network).run(samples, warmUp);
        }
    }

    private void run(int samples, int warmUp) throws Exception {
        CounterCycle counter = CounterCycle.open(network, "Latency Trader", "LAT", false);
        long[] afterWrite = new long[samples];
        long[] beforeWrite = new long[samples];
        try (LiveStream stream = LiveStream.open(counter.clerk())) {
            for (int i = -warmUp; i < samples; i++) {
                String lotId = counter.weighXrfLot();
                counter.shoot("91.60");
                counter.shoot("91.62");
                Thread.sleep(30); // let the first two shots be stored: only the last one is on the measured path
                long before = System.nanoTime();
                counter.shoot("91.58");
                long after = System.nanoTime();
                long quoted = stream.awaitQuote(lotId);
                if (i >= 0) {
                    beforeWrite[i] = quoted - before;
                    afterWrite[i] = quoted - after;
                }
            }
        }
        report("last shot written (after the write returned) -> quote on the live stream", afterWrite);
        report("last shot about to be written -> quote on the live stream", beforeWrite);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%n%s (%d lots)%n| p50 | p90 | p99 | max |%n|---|---|---|---|%n| %.2f ms | %.2f ms | %.2f ms | %.2f "
                        + "ms |%n",
                what,
                sorted.length,
                ms(sorted, 0.50),
                ms(sorted, 0.90),
                ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
