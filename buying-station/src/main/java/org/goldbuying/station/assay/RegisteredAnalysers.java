package org.goldbuying.station.assay;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;

/**
 * The XRF analysers registered at this station, as its balance is: by the serial number the analyser puts in every
 * result, with the date of its last calibration check against the reference standard. A shot counts only from a
 * registered analyser whose check is not overdue, whichever way it reached the station. Plain Java.
 */
public final class RegisteredAnalysers {
    private final Map<String, LocalDate> checkedOnBySerial;
    private final int checkValidDays;

    public RegisteredAnalysers(Map<String, LocalDate> checkedOnBySerial, int checkValidDays) {
        if (checkValidDays < 1) {
            throw new IllegalArgumentException(
                    "a calibration check is valid for at least one day, not " + checkValidDays);
        }
        this.checkedOnBySerial = new TreeMap<>(checkedOnBySerial);
        this.checkValidDays = checkValidDays;
    }

    /** From the configuration's entries, each {@code SERIAL@YYYY-MM-DD} (the date of the last calibration check). */
    public static RegisteredAnalysers parse(List<String> entries, int checkValidDays) {
        Map<String, LocalDate> checked = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("@", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("station.xrf.analysers: '" + entry
                        + "' is not SERIAL@YYYY-MM-DD (the analyser's serial number and its last calibration check)");
            }
            try {
                checked.put(parts[0].strip(), LocalDate.parse(parts[1].strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "station.xrf.analysers: '" + parts[1] + "' of " + parts[0] + " is not a date (YYYY-MM-DD)", e);
            }
        }
        return new RegisteredAnalysers(checked, checkValidDays);
    }

    /** Refuses a shot's analyser unless it is registered here and its calibration check is current on {@code today}. */
    public void require(AnalyserId analyser, LocalDate today) {
        LocalDate checkedOn = checkedOnBySerial.get(analyser.serialNumber());
        if (checkedOn == null) {
            throw new XrfException(
                    XrfFault.UNREGISTERED_ANALYSER,
                    "analyser " + analyser + " is not registered here"
                            + (checkedOnBySerial.isEmpty()
                                    ? "; no analyser is (station.xrf.analysers)"
                                    : " (registered: " + String.join(", ", checkedOnBySerial.keySet()) + ")"));
        }
        LocalDate due = checkedOn.plusDays(checkValidDays);
        if (today.isBefore(checkedOn) || !today.isBefore(due)) {
            throw new XrfException(
                    XrfFault.CALIBRATION_OVERDUE,
                    "analyser " + analyser + " was last checked on " + checkedOn + "; a check holds " + checkValidDays
                            + " days" + (today.isBefore(checkedOn) ? ", and that date is after today" : ""));
        }
    }
}
