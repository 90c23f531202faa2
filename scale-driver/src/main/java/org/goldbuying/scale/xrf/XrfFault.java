package org.goldbuying.scale.xrf;

/** Why an XRF result cannot be used to price a lot; each with the sentence the counter shows the clerk. */
public enum XrfFault {
    MALFORMED_RECORD("The analyser's result could not be read. Measure again; if it repeats, check the cable and the "
            + "analyser's output settings."),
    INCOMPLETE_RECORD("The analyser's result was cut off. Measure again."),
    UNKNOWN_ELEMENT("The analyser reported an element the station does not know. Call the supervisor."),
    CSV_FORMAT("The exported file does not have the expected columns. Export again in the agreed layout or call the "
            + "supervisor."),
    NOT_ENOUGH_SHOTS("Not enough measurements. Take another shot on a clean spot."),
    RESHOOT_REQUIRED("The measurements disagree too much. Clean the spot and measure again."),
    INVALID_ENTRY("The entered values are not valid percentages. Check and enter them again."),
    DENSITY_INPUT("The density weighings are not valid. Weigh again in air and in water."),
    DISCONNECTED("The analyser is not connected. Check the cable and power, then try again."),
    UNREGISTERED_ANALYSER("These shots come from an analyser that is not registered at this station and cannot price a "
            + "lot. Use the station's analyser, or call the supervisor."),
    CALIBRATION_OVERDUE("The analyser's calibration check is overdue. Measure the reference standard and have the "
            + "check recorded before taking shots.");

    private final String clerkMessage;

    XrfFault(String clerkMessage) {
        this.clerkMessage = clerkMessage;
    }

    public String clerkMessage() {
        return clerkMessage;
    }
}
