package org.goldbuying.station.assay;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goldbuying.assay.DensityCheck;
import org.goldbuying.assay.ElementAverage;
import org.goldbuying.assay.FraudFlag;
import org.goldbuying.assay.XrfResult;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.station.lot.AssayJson;
import org.goldbuying.station.lot.DensityTest;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotChanged;
import org.goldbuying.station.lot.LotQuoting;
import org.goldbuying.station.lot.LotRepository;
import org.goldbuying.station.lot.LotRequests;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotView;
import org.goldbuying.station.lot.LotViews;
import org.goldbuying.station.weighing.BalanceConfig;

/**
 * Records a density test (weight in air = the lot's gross weight) and compares it with the XRF composition. A
 * mismatch is a flag: a quoted lot then needs a supervisor's approval (again, if it had one), a lot still being
 * assayed is held.
 */
@ApplicationScoped
public class DensityTests {
    private final LotRepository lots;
    private final LotQuoting quoting;
    private final LotViews views;
    private final XrfConfig xrf;
    private final BalanceConfig balance;
    private final Clock clock;
    private final Event<LotChanged> changes;

    public DensityTests(
            LotRepository lots,
            LotQuoting quoting,
            LotViews views,
            XrfConfig xrf,
            BalanceConfig balance,
            Clock clock,
            Event<LotChanged> changes) {
        this.lots = lots;
        this.quoting = quoting;
        this.views = views;
        this.xrf = xrf;
        this.balance = balance;
        this.clock = clock;
        this.changes = changes;
    }

    public Uni<LotView> record(UUID id, LotRequests.Density request, String who) {
        return Panache.withTransaction(() -> lots.require(id).chain(lot -> {
                    lot.requireDensityPossible();
                    DensityCheck.Measurement measurement = new DensityCheck.Measurement(
                            lot.grossGrams(), request.gramsInWater(), request.waterCelsius());
                    DensityCheck.Verdict verdict = DensityCheck.compare(
                            measurement,
                            composition(lot),
                            balance.displayIntervalGrams(),
                            xrf.densityRelativeTolerance());
                    FraudFlag flag = verdict.flag().orElse(null);
                    DensityTest test = new DensityTest(
                            new DensityTest.Result(
                                    request.gramsInWater(),
                                    request.waterCelsius(),
                                    verdict.measured(),
                                    verdict.expected(),
                                    verdict.relativeDifference(),
                                    verdict.allowed(),
                                    flag == null ? null : flag.reason()),
                            who,
                            clock.instant());
                    if (flag == null) {
                        lot.recordDensity(test, null, null);
                        return views.view(lot);
                    }
                    // still being assayed, the lot is held as for any other fraud flag; quoted, it needs approvals
                    // again
                    lot.recordDensity(
                            test,
                            AssayJson.withFlag(lot.assay().flags(), flag),
                            flag.kind().clerkMessage() + " (" + flag.reason() + ")");
                    if (lot.status() == LotStatus.QUOTED) {
                        return quoting.markApprovals(lot).chain(views::view);
                    }
                    return views.view(lot);
                }))
                .invoke(v -> changes.fire(new LotChanged("DENSITY", v)));
    }

    private static XrfResult composition(Lot lot) {
        Map<Element, ElementAverage> averages = new EnumMap<>(Element.class);
        AssayJson.compositionPercentages(lot.assay().composition())
                .forEach((element, percent) ->
                        averages.put(element, new ElementAverage(element, percent, null, BigDecimal.ZERO, false)));
        return new XrfResult(averages, List.of());
    }
}
