package org.goldbuying.scale.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.goldbuying.scale.balance.AccuracyClass;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.sim.MtSicsSimulator;
import org.goldbuying.scale.sim.VirtualSerialPair;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.transport.SerialSettings;

/**
 * Latency harness (a plain program, not JMH: it crosses a real pseudo-terminal pair made by socat): the time from
 * the balance's reply frame leaving the device end of the line to {@code SerialBalance.weighForTransaction()} (MT-SICS)
 * returning the checked transaction reading to its caller. Goal (issue 3, item 9): p99 at most 1 ms.
 *
 * <p>A pty has no baud rate, so the 19 ms an 18-character frame spends on a real 9600-baud wire is absent here and
 * is deliberately not what is measured; what is measured is what the driver adds after the last byte: socat
 * relaying between the two ptys, jSerialComm's read, line assembly, the hand-over to the waiting caller, parsing,
 * the legal-for-trade checks and building the reading. Both timestamps are {@link System#nanoTime()} in this one
 * JVM: the simulator's side of the line is wrapped so that the one write made after the harness arms it (the
 * simulator's answer to {@code S}) records the time just before and just after the write call; the caller records
 * the time right after {@code weighForTransaction()} returns. "After write" is the stated measure; "before write"
 * adds the write system call and is an upper bound should the simulator's thread be descheduled between the write
 * and its timestamp.
 *
 * <p>Each sample is one lot: empty the pan and read it live (the driver requires a return to zero between lots),
 * put 123.45 g on the pan, arm, weigh. Usage: {@code TransactionReadingLatency [samples] [warm-up samples]}
 * (defaults 2000 and 1000); the pty links, socat's log and the raw samples (CSV, nanoseconds) go to the folder in
 * the system property {@code bench.dir} (default {@code target/bench}). socat is stopped before the program ends.
 */
public final class TransactionReadingLatency {
    private static final RegisteredBalance BALANCE = new RegisteredBalance(
            "counter-1",
            "B912345678",
            AccuracyClass.II,
            new BigDecimal("2100"),
            new BigDecimal("0.2"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            "WM-2026-0042",
            LocalDate.now().plusYears(1));
    private static final BigDecimal LOAD = new BigDecimal("123.45");

    private TransactionReadingLatency() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        if (!VirtualSerialPair.socatAvailable()) {
            System.err.println("socat is not installed: apt-get install -y socat");
            System.exit(2);
        }
        long[] afterWrite = new long[samples];
        long[] beforeWrite = new long[samples];
        long[] wholeCall = new long[samples];
        try (VirtualSerialPair pair = VirtualSerialPair.open(dir, "latency-pty");
                StampingLine deviceLine = new StampingLine(new JSerialCommLine(
                        SerialSettings.defaults(pair.deviceEnd().toString())));
                MtSicsSimulator simulator = new MtSicsSimulator(deviceLine, BALANCE.serialNumber(), 2).start();
                SerialBalance balance = new SerialBalance(
                        new JSerialCommLine(
                                SerialSettings.defaults(pair.hostEnd().toString())),
                        new MtSicsProtocol(),
                        BALANCE,
                        Clock.systemUTC(),
                        ReadingIds.fromClock(),
                        Duration.ofSeconds(2))) {
            balance.connect();
            for (int i = -warmUp; i < samples; i++) {
                simulator.clearPan();
                balance.readLive();
                simulator.place(LOAD);
                deviceLine.arm();
                long callStart = System.nanoTime();
                TransactionReading reading = balance.weighForTransaction();
                long returned = System.nanoTime();
                if (reading.grossGrams().compareTo(LOAD) != 0) {
                    throw new IllegalStateException("wrong reading " + reading.grossGrams());
                }
                deviceLine.awaitStamp();
                if (i >= 0) {
                    afterWrite[i] = returned - deviceLine.afterWrite;
                    beforeWrite[i] = returned - deviceLine.beforeWrite;
                    wholeCall[i] = returned - callStart;
                }
            }
        }
        Files.createDirectories(dir);
        Path csv = dir.resolve("transaction-reading-latency.csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("after_write_ns,before_write_ns,whole_call_ns");
            for (int i = 0; i < samples; i++) {
                out.println(afterWrite[i] + "," + beforeWrite[i] + "," + wholeCall[i]);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "MT-SICS over a socat pty pair: %d samples after %d warm-up samples (us)%n",
                samples,
                warmUp);
        System.out.printf(
                Locale.ROOT, "%-46s %8s %8s %8s %8s %8s %8s%n", "measure", "p50", "p90", "p99", "p99.9", "max", "mean");
        report("write returned -> reading returned", afterWrite);
        report("write called -> reading returned (upper bound)", beforeWrite);
        report("whole weighForTransaction() call", wholeCall);
        long negative = Arrays.stream(afterWrite).filter(v -> v < 0).count();
        System.out.printf(
                Locale.ROOT,
                "samples where the simulator's thread was descheduled between its write and its"
                        + " timestamp (negative 'write returned' values): %d%n",
                negative);
        System.out.println("raw samples: " + csv);
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-46s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f%n",
                name,
                micros(percentile(sorted, 50)),
                micros(percentile(sorted, 90)),
                micros(percentile(sorted, 99)),
                micros(percentile(sorted, 99.9)),
                micros(sorted[sorted.length - 1]),
                Arrays.stream(sorted).average().orElse(0) / 1000.0);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    /**
     * The simulator's end of the line, timing the first write made after {@link #arm()}. Whether a write counts is
     * decided when the write starts, so a reply to an earlier command whose write call had already begun is never
     * mistaken for the one being measured.
     */
    private static final class StampingLine implements SerialLine {
        private final SerialLine delegate;
        private volatile boolean armed;
        private volatile boolean stamped;
        volatile long beforeWrite;
        volatile long afterWrite;

        StampingLine(SerialLine delegate) {
            this.delegate = delegate;
        }

        void arm() {
            stamped = false;
            armed = true;
        }

        void awaitStamp() throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!stamped) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the simulator's reply was never stamped");
                }
                Thread.onSpinWait();
            }
        }

        @Override
        public void open(Listener listener) {
            delegate.open(listener);
        }

        @Override
        public void write(String text) {
            boolean measured = armed;
            long before = System.nanoTime();
            delegate.write(text);
            long after = System.nanoTime();
            if (measured) {
                armed = false;
                beforeWrite = before;
                afterWrite = after;
                stamped = true;
            }
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
