package org.goldbuying.scale.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;

/**
 * The only class that imports jSerialComm. Reads on its own thread with a short semi-blocking timeout
 * (set once: jSerialComm sleeps when timeouts change) and reassembles lines itself, because the port
 * delivers arbitrary chunks. A failed read means the device is gone: on Linux isOpen() stays true after an unplug.
 */
public final class JSerialCommLine implements SerialLine {
    private static final int MAX_LINE_BYTES = 512;

    private final SerialSettings settings;
    private volatile SerialPort port;
    private volatile boolean running;
    private Thread reader;

    public JSerialCommLine(SerialSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    @Override
    public synchronized void open(Listener listener) {
        if (running) {
            throw new IllegalStateException("already open: " + settings.portPath());
        }
        SerialPort p = SerialPort.getCommPort(settings.portPath());
        p.setComPortParameters(
                settings.baudRate(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
        p.setFlowControl(flowControl(settings.flowControl()));
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!p.openPort()) {
            throw new ScaleException(
                    ScaleFault.DISCONNECTED,
                    "cannot open " + settings.portPath() + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
        running = true;
        LineAssembler assembler = new LineAssembler(
                MAX_LINE_BYTES,
                listener::onLine,
                overflow -> listener.onFault(new ScaleException(ScaleFault.MALFORMED, overflow)));
        reader = new Thread(() -> readLoop(p, assembler, listener), "serial-" + settings.portPath());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(SerialPort p, LineAssembler assembler, Listener listener) {
        byte[] chunk = new byte[256];
        while (running) {
            int n = p.readBytes(chunk, chunk.length);
            if (n < 0) {
                if (running) {
                    running = false;
                    p.closePort();
                    listener.onFault(
                            new ScaleException(ScaleFault.DISCONNECTED, "read failed on " + settings.portPath()));
                }
                return;
            }
            if (n > 0) {
                listener.onBytes(chunk, 0, n);
                assembler.accept(chunk, 0, n);
            }
        }
    }

    /** The serial ports present now, described well enough to find a device again ({@link DeviceIdentity}). */
    public static List<PortDescriptor> availablePorts() {
        List<PortDescriptor> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new PortDescriptor(
                    p.getSystemPortPath(),
                    p.getSerialNumber(),
                    p.getPortLocation(),
                    p.getVendorID(),
                    p.getProductID()));
        }
        return ports;
    }

    @Override
    public void write(String text) {
        SerialPort p = port;
        if (p == null || !running) {
            throw new ScaleException(ScaleFault.DISCONNECTED, settings.portPath() + " is not open");
        }
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int written = p.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new ScaleException(ScaleFault.DISCONNECTED, "write failed on " + settings.portPath());
        }
    }

    @Override
    public boolean isOpen() {
        return running;
    }

    @Override
    public synchronized void close() {
        running = false;
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
        if (reader != null) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
    }

    private static int stopBits(SerialSettings.StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flowControl(SerialSettings.FlowControl flowControl) {
        return switch (flowControl) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
        };
    }
}
