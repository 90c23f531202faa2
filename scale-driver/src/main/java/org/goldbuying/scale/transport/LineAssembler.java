package org.goldbuying.scale.transport;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the arbitrary chunks a serial port delivers into whole lines. Serial reads split and join frames at
 * random, so nothing may be parsed before its terminator has arrived. LF ends a line; a CR before it is dropped.
 * A line longer than the limit is discarded whole (reported once) rather than parsed from its tail.
 */
public final class LineAssembler {
    private final byte[] buffer;
    private final Consumer<String> onLine;
    private final Consumer<String> onOverflow;
    private int length;
    private boolean discarding;

    public LineAssembler(int maxLineBytes, Consumer<String> onLine, Consumer<String> onOverflow) {
        this.buffer = new byte[maxLineBytes];
        this.onLine = onLine;
        this.onOverflow = onOverflow;
    }

    public void accept(byte[] chunk, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                if (!discarding) {
                    int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
                    onLine.accept(new String(buffer, 0, end, StandardCharsets.ISO_8859_1));
                }
                length = 0;
                discarding = false;
            } else if (discarding) {
                continue;
            } else if (length == buffer.length) {
                discarding = true;
                length = 0;
                onOverflow.accept("line longer than " + buffer.length + " bytes discarded");
            } else {
                buffer[length++] = b;
            }
        }
    }

    /** Bytes received since the last terminator (for diagnostics when a device goes quiet mid-line). */
    public int pendingBytes() {
        return length;
    }

    public void reset() {
        length = 0;
        discarding = false;
    }
}
