package org.goldbuying.centre.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * How fast Ed25519 signs and verifies a purchase event's bytes, with the JDK's provider and with BouncyCastle's
 * {@code rfc8032.Ed25519} (from raw key bytes, and from a public point decoded once per station key, as a centre that
 * keeps its stations' keys would), on one thread and on every core: the numbers that choose the implementation for
 * the centre's ingest of signed purchases (issue 11, item 9; docs/performance.md). A committed harness, not a test.
 * Usage: deploy/scripts/signature-speed.sh [seconds per measurement]
 */
public final class SignatureSpeed {
    /** One operation on one thread's own state; returns whether it succeeded (so the work cannot be skipped). */
    interface Operation {
        boolean run() throws Exception;
    }

    private SignatureSpeed() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] message = Files.readAllBytes(Path.of("..", "docs", "contracts", "examples", "purchase-event.v1.json"));
        int cores = Runtime.getRuntime().availableProcessors();
        KeyPair jdkPair = org.goldbuying.contracts.Ed25519.generate();
        byte[] jdkSignature = sign(jdkPair.getPrivate(), message);

        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
        Ed25519.generatePrivateKey(random, secret);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
        byte[] bcSignature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secret, 0, message, 0, message.length, bcSignature, 0);
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(publicKey, 0);

        System.out.printf(
                Locale.ROOT,
                "Ed25519 over %d bytes (the example purchase event), %.1f s per measurement after as long a warm-up, "
                        + "%d cores, %s %s%n%n",
                message.length,
                seconds,
                cores,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.println(
                "| operation | threads | per operation (us, one thread's view) | operations/s, all threads |");
        System.out.println("|---|---|---|---|");
        List<int[]> threadCounts = List.of(new int[] {1}, new int[] {cores});
        for (int[] threads : threadCounts) {
            measure("JDK verify", threads[0], seconds, () -> jdkVerify(jdkPair.getPublic(), message, jdkSignature));
            measure("JDK sign", threads[0], seconds, () -> jdkSign(jdkPair.getPrivate(), message));
            measure(
                    "BouncyCastle verify (raw public key)",
                    threads[0],
                    seconds,
                    () -> () -> Ed25519.verify(bcSignature, 0, publicKey, 0, message, 0, message.length));
            measure(
                    "BouncyCastle verify (decoded public point)",
                    threads[0],
                    seconds,
                    () -> () -> Ed25519.verify(bcSignature, 0, point, message, 0, message.length));
            byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
            measure("BouncyCastle sign", threads[0], seconds, () -> () -> {
                Ed25519.sign(secret, 0, message, 0, message.length, out, 0);
                return out[0] != 0 || out[1] != 0;
            });
        }
    }

    private static byte[] sign(PrivateKey key, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(message);
        return signer.sign();
    }

    /** Each thread gets its own Signature (they are not thread-safe). */
    private static Operation jdkVerify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            return () -> {
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signature);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Operation jdkSign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            return () -> {
                signer.initSign(key);
                signer.update(message);
                return signer.sign().length == 64;
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(String name, int threads, double seconds, Supplier<Operation> perThread)
            throws Exception {
        run(threads, seconds, perThread); // warm-up
        long[] result = run(threads, seconds, perThread);
        long operations = result[0];
        long nanos = result[1];
        double perSecond = operations / (nanos / 1e9);
        double microsEach = threads * 1e6 / perSecond;
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %,.0f |%n", name, threads, microsEach, perSecond);
    }

    /** Runs the operation on each thread for the time given; returns {operations, elapsed nanos}. */
    private static long[] run(int threads, double seconds, Supplier<Operation> perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Operation operation = perThread.get();
                counts.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < deadline) {
                        if (!operation.run()) {
                            throw new IllegalStateException("a signature did not verify");
                        }
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return new long[] {total, System.nanoTime() - start};
        } finally {
            pool.shutdown();
        }
    }
}
