package org.goldbuying.scale.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A linked pair of pseudo-terminals made by socat: the host (driver) opens {@link #hostEnd()}, a simulator
 * opens {@link #deviceEnd()}. Both ends are symlinks inside the given folder. Closing kills socat, which
 * removes the links; a shutdown hook does the same if the JVM exits first.
 */
public final class VirtualSerialPair implements AutoCloseable {
    private final Process socat;
    private final Path hostEnd;
    private final Path deviceEnd;
    private final Thread cleanup;

    private VirtualSerialPair(Process socat, Path hostEnd, Path deviceEnd) {
        this.socat = socat;
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
        this.cleanup = new Thread(socat::destroy, "socat-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Whether socat is installed; tests that need a pty say why they cannot run without it. */
    public static boolean socatAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    public static VirtualSerialPair open(Path folder, String name) throws IOException {
        if (!socatAvailable()) {
            throw new IOException(
                    "socat is not installed, so no pseudo-terminal can be made: apt-get install -y socat");
        }
        Files.createDirectories(folder);
        Path host = folder.resolve(name).toAbsolutePath();
        Path device = folder.resolve(name + "-device").toAbsolutePath();
        Files.deleteIfExists(host);
        Files.deleteIfExists(device);
        Process process = new ProcessBuilder(
                        List.of("socat", "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("socat did not create " + host + " and " + device + " (see "
                        + folder.resolve(name + ".socat.log") + ")");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted", e);
            }
        }
        return new VirtualSerialPair(process, host, device);
    }

    public Path hostEnd() {
        return hostEnd;
    }

    public Path deviceEnd() {
        return deviceEnd;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook will run anyway
        }
    }
}
