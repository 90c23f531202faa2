package org.goldbuying.station.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Bytes the station allocates per lot cycle through the API (weigh on the pty balance and quote a typed fineness,
 * supervisor approval, cash payment, read the lot back), counted on the station's own request threads: the Vert.x
 * event loops and workers and Quarkus's executor (the HTTP server, RESTEasy, Hibernate Reactive, JSON, the SSE
 * stream). The test client, the balance simulator and the in-process Kafka broker run on other threads and are not
 * counted. Not part of the suite (the name does not end in Test); run it with
 * {@code ./mvnw -B -o -pl buying-station -am verify -Dtest=LotCycleAllocation -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the line "lot cycle allocation" in the output.
 */
@QuarkusTest
class LotCycleAllocation {
    static final int WARM_UP = 50;
    static final int MEASURED = 200;

    @Test
    void bytesPerLotCycle() {
        Counter.clerkLoggedIn();
        PriceTicks.publishActive("2650.00");
        Shifts.openFor("clerk");
        for (int i = 0; i < WARM_UP; i++) {
            cycle(i);
        }
        Map<Long, Long> before = stationThreadAllocations();
        for (int i = 0; i < MEASURED; i++) {
            cycle(i);
        }
        Map<Long, Long> after = stationThreadAllocations();
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            bytes += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        long perLot = bytes / MEASURED;
        System.out.printf("lot cycle allocation: %d bytes per lot (%d KB) over %d lots, %d station threads%n",
                perLot, perLot / 1024, MEASURED, after.size());
        assertThat(perLot).isPositive();
    }

    /** A new seller every 10 lots, so that no lot crosses the AML threshold or a cap. */
    private static Sellers.Registered seller;

    private static void cycle(int i) {
        if (i % 10 == 0) {
            seller = Sellers.individual();
        }
        String id = Lots.quoted("clerk", seller, "1.00");
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        Counter.as("clerk").contentType(ContentType.JSON).body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment").then().statusCode(200);
        Counter.as("clerk").get("/api/lots/" + id).then().statusCode(200);
    }

    /** Bytes allocated so far by each live station request thread, by thread id. */
    private static Map<Long, Long> stationThreadAllocations() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("vert.x-") || name.startsWith("executor-thread")) {
                allocated.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return allocated;
    }
}
