package org.goldbuying.local.bench;

import java.math.BigDecimal;
import java.util.Map;
import org.goldbuying.local.LocalNetwork;
import org.goldbuying.scale.xrf.Element;

/**
 * One lot bought through the station's REST API as the counter does it, shared by the harnesses: a seller registered
 * and a shift opened once, then per lot: empty the pan and read it live (the driver wants a return to zero between
 * lots), place the load, open the lot (weighed on the simulated balance) and, for the two kinds of assay, quote,
 * approve where a supervisor must, and pay cash from the shift's drawer.
 */
final class CounterCycle {
    private final LocalNetwork network;
    private final StationApi clerk;
    private final StationApi supervisor;
    private final String sellerId;
    private final String siteId;
    private final String shotPrefix;
    private long shots;

    private CounterCycle(
            LocalNetwork network,
            StationApi clerk,
            StationApi supervisor,
            String sellerId,
            String siteId,
            String shotPrefix) {
        this.network = network;
        this.clerk = clerk;
        this.supervisor = supervisor;
        this.sellerId = sellerId;
        this.siteId = siteId;
        this.shotPrefix = shotPrefix;
    }

    /**
     * Waits for a quotable price, registers a licensed trader with one mine site and, when {@code openShift}, opens
     * the clerk's shift with a float no run of a harness can exhaust (cash is paid from it).
     */
    static CounterCycle open(LocalNetwork network, String sellerName, String shotPrefix, boolean openShift)
            throws Exception {
        StationApi clerk = new StationApi(network.stationUrl(), "clerk", "clerk-demo");
        StationApi supervisor = new StationApi(network.stationUrl(), "supervisor", "supervisor-demo");
        clerk.awaitQuotablePrice();
        String seller = clerk.post("/api/sellers", """
                {"type":"LICENSED_TRADER","name":"%s","licenceNumber":"%s-%d","licenceExpiry":"2030-01-01",
                 "site":{"name":"Depot","latitude":"0.3",\
                 "longitude":"32.5"}}""".formatted(sellerName, shotPrefix, System.nanoTime()));
        if (openShift) {
            clerk.post("/api/shifts", "{\"floatMinor\":100000000000000,\"currency\":\"UGX\"}");
        }
        return new CounterCycle(
                network,
                clerk,
                supervisor,
                StationApi.group(StationApi.ID, seller),
                StationApi.group(StationApi.FIRST_SITE, seller),
                shotPrefix);
    }

    StationApi clerk() {
        return clerk;
    }

    /**
     * Lot {@code i} with a typed fineness (900 per mille), a manual assay: weighed, quoted on opening, approved by a
     * supervisor as at a real counter, paid in cash. The load varies between 2.00 and 4.99 g.
     */
    void buyTypedLot(int i) throws Exception {
        weigh(new BigDecimal("2.00").add(BigDecimal.valueOf(i % 300, 2)));
        String lot = clerk.post("/api/lots", """
                {"sellerId":"%s","mineSiteId":"%s","finenessPerMille":"900"}""".formatted(sellerId, siteId));
        String id = StationApi.group(StationApi.ID, lot);
        supervisor.post("/api/lots/" + id + "/approval");
        pay(id);
    }

    /** Weighs 10.00 g and opens a lot that the XRF analyser will assay; returns the lot's id. */
    String weighXrfLot() throws Exception {
        weigh(new BigDecimal("10.00"));
        return StationApi.group(
                StationApi.ID,
                clerk.post("/api/lots/xrf", "{\"sellerId\":\"%s\",\"mineSiteId\":\"%s\"}".formatted(sellerId, siteId)));
    }

    /** One shot from the simulated analyser on its pty: the given gold %, 4.10 % silver, copper for the rest. */
    void shoot(String gold) {
        network.analyser()
                .shoot(
                        shotPrefix + "-" + (++shots),
                        Map.of(
                                Element.AU,
                                new BigDecimal(gold),
                                Element.AG,
                                new BigDecimal("4.10"),
                                Element.CU,
                                new BigDecimal("100")
                                        .subtract(new BigDecimal(gold))
                                        .subtract(new BigDecimal("4.10"))));
    }

    /**
     * A lot assayed by three XRF shots (91.60, 91.62, 91.58 % gold): weighed, opened, shot three times, its quote
     * awaited on the counter's live stream, approved by a supervisor only when the quote asks for it (a clean XRF
     * assay needs none; the seller's lots over the AML threshold in the window do), paid in cash. Returns whether the
     * lot needed the approval.
     */
    boolean buyXrfLot(LiveStream stream) throws Exception {
        String id = weighXrfLot();
        shoot("91.60");
        shoot("91.62");
        shoot("91.58");
        boolean approval = stream.awaitQuoted(id).needsApproval();
        if (approval) {
            supervisor.post("/api/lots/" + id + "/approval");
        }
        pay(id);
        return approval;
    }

    void pay(String lotId) throws Exception {
        clerk.post("/api/lots/" + lotId + "/payment", "{\"method\":\"CASH\"}");
    }

    private void weigh(BigDecimal grams) throws Exception {
        network.balance().clearPan();
        clerk.get("/api/balance/live");
        network.balance().place(grams);
    }
}
