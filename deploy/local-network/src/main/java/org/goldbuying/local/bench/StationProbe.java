package org.goldbuying.local.bench;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * A running service's JVM seen from the harness: its local JMX agent, started through the attach API (no option on
 * the service's command line), gives the bytes each thread allocated and JFR recordings. The agent's own threads
 * (RMI, JMX, the attach listener) do the asking, so their allocation is the measurement's and is left out.
 */
final class StationProbe implements AutoCloseable {
    /** One thread's name and the bytes it allocated since it started. */
    record ThreadBytes(String name, long bytes) {}

    /** Every application thread of the process at one instant, by thread id. */
    record Snapshot(Map<Long, ThreadBytes> threads) {}

    private final JMXConnector connector;
    private final ThreadMXBean threads;
    private final FlightRecorderMXBean flightRecorder;

    private StationProbe(JMXConnector connector, ThreadMXBean threads, FlightRecorderMXBean flightRecorder) {
        this.connector = connector;
        this.threads = threads;
        this.flightRecorder = flightRecorder;
    }

    static StationProbe attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        FlightRecorderMXBean flightRecorder = JMX.newMXBeanProxy(
                server, new ObjectName(FlightRecorderMXBean.MXBEAN_NAME), FlightRecorderMXBean.class);
        return new StationProbe(connector, threads, flightRecorder);
    }

    /** The bytes each live application thread has allocated so far (exact: its TLABs and outside them). */
    Snapshot snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        Map<Long, ThreadBytes> result = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0 && !measurementThread(infos[i].getThreadName())) {
                result.put(ids[i], new ThreadBytes(infos[i].getThreadName(), bytes[i]));
            }
        }
        return new Snapshot(result);
    }

    private static boolean measurementThread(String name) {
        return name.startsWith("RMI ") || name.startsWith("JMX ") || name.equals("Attach Listener");
    }

    /** Something to run while recording, e.g. lot cycles. */
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs the work under a JFR recording of allocation samples with their stack traces (at most 2,000 a second;
     * each sample's weight is the bytes its thread allocated since its previous sample) and writes it to the file.
     */
    void recordAllocations(Path file, Work work) throws Exception {
        long id = flightRecorder.newRecording();
        try {
            flightRecorder.setRecordingSettings(
                    id,
                    Map.of(
                            "jdk.ObjectAllocationSample#enabled", "true",
                            "jdk.ObjectAllocationSample#throttle", "2000/s",
                            "jdk.ObjectAllocationSample#stackTrace", "true"));
            flightRecorder.setRecordingOptions(id, Map.of("name", "lot-allocation", "disk", "true"));
            flightRecorder.startRecording(id);
            work.run();
            flightRecorder.stopRecording(id);
            long stream = flightRecorder.openStream(id, null);
            try (OutputStream out = Files.newOutputStream(file)) {
                for (byte[] block; (block = flightRecorder.readStream(stream)) != null; ) {
                    out.write(block);
                }
            } finally {
                flightRecorder.closeStream(stream);
            }
        } finally {
            flightRecorder.closeRecording(id);
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
