package org.goldbuying.centre.support;

import java.util.List;

/** The integrity incidents the treasury sees, as an auditor reads them. */
public final class Incidents {
    private Incidents() {}

    /** The kinds of every incident of the station, newest first. */
    public static List<String> kinds(String station) {
        return of(station, "kind");
    }

    /** The statuses of every incident of the station, newest first. */
    public static List<String> statuses(String station) {
        return of(station, "status");
    }

    /** One field of every incident of the station, newest first. */
    public static List<String> of(String station, String field) {
        return Pricing.auditor()
                .get("/api/integrity/incidents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.stationId == '" + station + "' }." + field);
    }
}
