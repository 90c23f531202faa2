package org.goldbuying.scale.transport;

import org.goldbuying.scale.ScaleException;

/**
 * The one seam between protocols and hardware: a line-oriented, full-duplex serial connection.
 * Protocol code depends on this interface only; {@link JSerialCommLine} is the only class that touches the port.
 */
public interface SerialLine extends AutoCloseable {

    /** Receives whole lines (terminator removed) and faults, on the line's reader thread. */
    interface Listener {
        void onLine(String line);

        void onFault(ScaleException fault);

        /**
         * Every chunk as it arrives, before lines are assembled. Only devices that take commands without a
         * terminator (Kern's single-byte commands) need it; by default it is ignored.
         */
        default void onBytes(byte[] chunk, int offset, int count) {}

        /**
         * The line came back after a disconnect (see {@link ReconnectingSerialLine}). The device on it may not be
         * the one that was there before, so its identity must be checked again.
         */
        default void onReconnected() {}
    }

    /** Opens the port and starts delivering lines; throws DISCONNECTED if the port cannot be opened. */
    void open(Listener listener);

    /** Writes the text as ASCII bytes followed by nothing: callers add terminators. */
    void write(String text);

    boolean isOpen();

    @Override
    void close();
}
