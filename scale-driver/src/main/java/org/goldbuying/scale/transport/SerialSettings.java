package org.goldbuying.scale.transport;

import java.util.Objects;

/**
 * How to open one serial device. Defaults follow the most common balance setting (9600 8N1, no flow control).
 *
 * @param portPath     device path or symlink, e.g. /dev/ttyUSB0 or a pseudo-terminal link
 * @param lineTerminator what the host appends to each command (devices answer with CR LF or LF; both are read)
 */
public record SerialSettings(
        String portPath,
        int baudRate,
        int dataBits,
        Parity parity,
        StopBits stopBits,
        FlowControl flowControl,
        String lineTerminator) {

    public enum Parity {
        NONE,
        ODD,
        EVEN,
        MARK,
        SPACE
    }

    public enum StopBits {
        ONE,
        ONE_POINT_FIVE,
        TWO
    }

    public enum FlowControl {
        NONE,
        XON_XOFF,
        RTS_CTS
    }

    public SerialSettings {
        Objects.requireNonNull(portPath, "portPath");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        Objects.requireNonNull(lineTerminator, "lineTerminator");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
    }

    public static SerialSettings defaults(String portPath) {
        return new SerialSettings(portPath, 9600, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE, "\r\n");
    }
}
