package org.goldbuying.scale.transport;

import java.util.Objects;

/**
 * What the operating system tells about one serial port: enough to find a device again after it was unplugged,
 * when its name (/dev/ttyUSB0, COM3) may have changed.
 *
 * @param usbSerialNumber the USB adapter's or device's serial number, or null when it has none
 * @param portLocation    the physical USB location (bus and port path), or null
 * @param vendorId        USB vendor id, or -1
 * @param productId       USB product id, or -1
 */
public record PortDescriptor(
        String systemPath, String usbSerialNumber, String portLocation, int vendorId, int productId) {
    public PortDescriptor {
        Objects.requireNonNull(systemPath, "systemPath");
    }
}
