package org.goldbuying.scale.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldbuying.scale.Eventually.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.junit.jupiter.api.Test;

class ReconnectingSerialLineTest {
    static final PortDescriptor ADAPTER = new PortDescriptor("/dev/ttyUSB0", "FT123", "1-1.2", 0x0403, 0x6001);
    static final PortDescriptor OTHER = new PortDescriptor("/dev/ttyUSB1", "FT999", "1-1.3", 0x0403, 0x6001);

    @Test
    void findsByUsbSerialThenLocationThenUniqueVendorProduct() {
        DeviceIdentity identity = DeviceIdentity.of(ADAPTER);
        PortDescriptor renamed = new PortDescriptor("/dev/ttyUSB3", "FT123", "1-1.4", 0x0403, 0x6001);
        assertThat(identity.find(List.of(OTHER, renamed))).contains(renamed);
        PortDescriptor noSerialSameSocket = new PortDescriptor("/dev/ttyUSB2", null, "1-1.2", 0x0403, 0x6001);
        assertThat(identity.find(List.of(OTHER, noSerialSameSocket))).contains(noSerialSameSocket);
        PortDescriptor elsewhere = new PortDescriptor("/dev/ttyUSB5", null, "2-1", 0x0403, 0x6001);
        assertThat(identity.find(List.of(elsewhere))).contains(elsewhere);
        // two identical adapters: never guess
        assertThat(identity.find(List.of(elsewhere, new PortDescriptor("/dev/ttyUSB6", null, "2-2", 0x0403, 0x6001))))
                .isEmpty();
        assertThat(new DeviceIdentity(null, null, -1, -1).find(List.of(ADAPTER)))
                .isEmpty();
    }

    /** A line that records what was opened and lets the test pull the plug. */
    static final class PluggableLine implements SerialLine {
        final String path;
        Listener listener;
        final List<String> written = new ArrayList<>();
        volatile boolean open;

        PluggableLine(String path) {
            this.path = path;
        }

        @Override
        public void open(Listener l) {
            listener = l;
            open = true;
        }

        @Override
        public void write(String text) {
            written.add(text);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        void unplug() {
            listener.onFault(new ScaleException(ScaleFault.DISCONNECTED, "read failed on " + path));
        }
    }

    @Test
    void unplugFailsFastThenFindsTheDeviceUnderItsNewName() throws Exception {
        List<PortDescriptor> present = new CopyOnWriteArrayList<>(List.of(ADAPTER, OTHER));
        List<PluggableLine> opened = new CopyOnWriteArrayList<>();
        List<ScaleException> faults = new CopyOnWriteArrayList<>();
        CountDownLatch reconnected = new CountDownLatch(1);
        try (ReconnectingSerialLine line = new ReconnectingSerialLine(
                DeviceIdentity.of(ADAPTER),
                () -> present,
                path -> {
                    PluggableLine l = new PluggableLine(path);
                    opened.add(l);
                    return l;
                },
                Duration.ofMillis(10))) {
            line.open(new SerialLine.Listener() {
                @Override
                public void onLine(String text) {}

                @Override
                public void onFault(ScaleException fault) {
                    faults.add(fault);
                }

                @Override
                public void onReconnected() {
                    reconnected.countDown();
                }
            });
            line.write("S\r\n");
            assertThat(opened.get(0).path).isEqualTo("/dev/ttyUSB0");

            present.clear();
            opened.get(0).unplug();
            assertThat(faults).extracting(ScaleException::fault).containsExactly(ScaleFault.DISCONNECTED);
            assertThatThrownBy(() -> line.write("S\r\n"))
                    .isInstanceOfSatisfying(
                            ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DISCONNECTED));
            Thread.sleep(50); // several retries find nothing
            assertThat(opened).hasSize(1);

            present.add(new PortDescriptor("/dev/ttyUSB7", "FT123", "1-1.2", 0x0403, 0x6001));
            assertThat(reconnected.await(5, TimeUnit.SECONDS)).isTrue();
            // The host hears of the reconnect before the fresh line is handed over (so it forgets the old
            // device first); wait for the hand-over rather than racing it.
            waitUntil("the fresh line handed over", line::isOpen);
            assertThat(line.isOpen()).isTrue();
            assertThat(opened).hasSize(2);
            assertThat(opened.get(1).path).isEqualTo("/dev/ttyUSB7");
            assertThat(opened.get(0).open).isFalse();
            line.write("S\r\n");
            assertThat(opened.get(1).written).containsExactly("S\r\n");
        }
        assertThat(opened.get(1).open).isFalse();
    }

    @Test
    void openFailsWhenTheDeviceIsNotThere() {
        // Another make of adapter only: no serial, location or vendor/product match.
        PortDescriptor prolific = new PortDescriptor("/dev/ttyUSB1", "P1", "1-1.3", 0x067b, 0x2303);
        ReconnectingSerialLine line = new ReconnectingSerialLine(
                DeviceIdentity.of(ADAPTER), () -> List.of(prolific), PluggableLine::new, Duration.ofMillis(10));
        assertThatThrownBy(() -> line.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> line.open(new SerialLine.Listener() {
                    @Override
                    public void onLine(String text) {}

                    @Override
                    public void onFault(ScaleException fault) {}
                }))
                .isInstanceOfSatisfying(
                        ScaleException.class, e -> assertThat(e.fault()).isEqualTo(ScaleFault.DISCONNECTED));
        line.close();
    }
}
