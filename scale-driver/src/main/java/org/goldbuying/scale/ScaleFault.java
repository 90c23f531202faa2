package org.goldbuying.scale;

/**
 * Why a device could not give a reading a clerk may trade on. Each reason carries the sentence the counter
 * shows, written for the clerk in front of the balance rather than for a developer.
 */
public enum ScaleFault {
    DISCONNECTED("The device is not connected. Check the cable and power, then try again."),
    TIMEOUT("The device did not answer in time. Check the cable and the device's interface settings."),
    OVERLOAD("The load is above the balance's range. Remove weight."),
    UNDERLOAD("The balance reads below zero. Empty the pan and zero the balance."),
    UNSTABLE("The weight did not settle. Close the draught shield, keep the counter still and weigh again."),
    BUSY("The balance is busy and cannot execute the command now. Wait a moment and try again."),
    UNIT_MISMATCH("The balance reported a unit that cannot be converted to grams exactly. Set the balance to grams."),
    NOT_FOR_PRECIOUS_METALS(
            "This balance is not approved for weighing gold (class I or II and e of 0.01 g or finer are required). "
                    + "Use the verified gold balance or call the supervisor."),
    IDENTITY_MISMATCH("The connected balance is not the registered one (serial number differs). Call the supervisor."),
    VERIFICATION_EXPIRED(
            "The balance's legal verification has expired. It may not be used for purchases until re-verified."),
    BELOW_MIN("The load is below the balance's legal minimum for trade. Lots this small cannot be weighed on this "
            + "balance."),
    ABOVE_MAX("The load is above the balance's legal maximum. Split the lot."),
    RESOLUTION_MISMATCH(
            "The balance shows another resolution than the one it is registered with (another range, model or "
                    + "setting). Call the supervisor."),
    NOT_ZERO("The balance did not return to zero since the last lot. Empty the pan and zero it before weighing."),
    DEVICE_ERROR("The device reported an error. Restart it; if it persists call the supervisor."),
    MALFORMED("The device sent a garbled message. Check the cable and the interface settings (baud, parity).");

    private final String clerkMessage;

    ScaleFault(String clerkMessage) {
        this.clerkMessage = clerkMessage;
    }

    public String clerkMessage() {
        return clerkMessage;
    }
}
