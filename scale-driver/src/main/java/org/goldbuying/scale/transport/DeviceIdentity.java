package org.goldbuying.scale.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How to find one device among the serial ports, in order of trust: its USB serial number (follows the device to
 * any socket), then the USB port location (the socket it is plugged into), then vendor and product id (only when
 * exactly one such device is present; two identical adapters must never be confused). Pure: the port list comes
 * from the caller.
 *
 * @param usbSerialNumber null when not known
 * @param portLocation    null when not known
 * @param vendorId        -1 when not known
 * @param productId       -1 when not known
 */
public record DeviceIdentity(String usbSerialNumber, String portLocation, int vendorId, int productId) {

    /** The identity of the device now on this port, to find it again later. */
    public static DeviceIdentity of(PortDescriptor port) {
        return new DeviceIdentity(port.usbSerialNumber(), port.portLocation(), port.vendorId(), port.productId());
    }

    public Optional<PortDescriptor> find(List<PortDescriptor> ports) {
        if (usbSerialNumber != null && !usbSerialNumber.isBlank()) {
            Optional<PortDescriptor> bySerial = unique(ports, p -> usbSerialNumber.equals(p.usbSerialNumber()));
            if (bySerial.isPresent()) {
                return bySerial;
            }
        }
        if (portLocation != null && !portLocation.isBlank()) {
            Optional<PortDescriptor> byLocation = unique(ports, p -> portLocation.equals(p.portLocation()));
            if (byLocation.isPresent()) {
                return byLocation;
            }
        }
        if (vendorId >= 0 && productId >= 0) {
            return unique(ports, p -> p.vendorId() == vendorId && p.productId() == productId);
        }
        return Optional.empty();
    }

    private static Optional<PortDescriptor> unique(List<PortDescriptor> ports, Predicate<PortDescriptor> test) {
        List<PortDescriptor> matches =
                ports.stream().filter(Objects::nonNull).filter(test).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
