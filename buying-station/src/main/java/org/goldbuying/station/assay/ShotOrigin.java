package org.goldbuying.station.assay;

import java.util.Objects;

/**
 * How shots reached the station and who brought them: the registered analyser's serial line (nobody entered them), or
 * the API (text, CSV or JSON posted by a person). Shots that did not come over the line need a supervisor, and whoever
 * posted them may not approve the lot.
 */
public record ShotOrigin(XrfShotRecord.Via via, String enteredBy) {
    public static final ShotOrigin SERIAL_LINE = new ShotOrigin(XrfShotRecord.Via.SERIAL_PORT, null);

    public static ShotOrigin api(String who) {
        return new ShotOrigin(XrfShotRecord.Via.API, Objects.requireNonNull(who, "who"));
    }
}
