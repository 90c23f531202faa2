package org.goldbuying.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port free on this machine right now, for a service this project starts a little later. Taken below the
 * kernel's ephemeral range: a port from that range (what binding to port 0 gives) can be handed meanwhile to any
 * outgoing connection, a database client's or a broker's, and the service then fails to bind it. Never the same port
 * twice in one JVM.
 */
public final class FreePort {
    /** The low end of the ports handed out; below it, the well-known and commonly configured ones. */
    private static final int LOWEST = 20000;

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePort() {}

    public static int find() {
        int below = ephemeralRangeStart();
        if (below - LOWEST > 1000) {
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
                if (!GIVEN.contains(port) && isFree(port) && GIVEN.add(port)) {
                    return port;
                }
            }
        }
        // an unusual kernel setting: the kernel's choice
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            GIVEN.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether nothing listens on {@code port} (on any address) right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (IOException inUse) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range), else 32768. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32768;
        }
    }
}
