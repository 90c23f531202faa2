package org.goldbuying.scale.xrf;

import java.util.Objects;
import java.util.function.Consumer;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.transport.SerialLine;

/**
 * Listens to an analyser's serial output (often a USB virtual COM port fed by the vendor's PC software) and
 * hands each complete shot to the station. Analysers send when the operator pulls the trigger, so there is
 * nothing to ask: this only listens. Callbacks run on the line's reader thread.
 */
public final class XrfSerialReader implements AutoCloseable {
    private final SerialLine line;
    private final XrfLineReader reader;
    private final Consumer<XrfShot> onShot;
    private final Consumer<XrfException> onError;

    public XrfSerialReader(
            SerialLine line, XrfLineFormat format, Consumer<XrfShot> onShot, Consumer<XrfException> onError) {
        this.line = Objects.requireNonNull(line);
        this.reader = new XrfLineReader(format);
        this.onShot = Objects.requireNonNull(onShot);
        this.onError = Objects.requireNonNull(onError);
    }

    public XrfSerialReader start() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                try {
                    reader.accept(text).ifPresent(onShot);
                } catch (XrfException e) {
                    onError.accept(e);
                }
            }

            @Override
            public void onFault(ScaleException fault) {
                onError.accept(
                        fault.fault() == ScaleFault.DISCONNECTED
                                ? new XrfException(XrfFault.DISCONNECTED, fault.detail())
                                : new XrfException(XrfFault.MALFORMED_RECORD, fault.detail()));
            }
        });
        return this;
    }

    @Override
    public void close() {
        line.close();
    }
}
