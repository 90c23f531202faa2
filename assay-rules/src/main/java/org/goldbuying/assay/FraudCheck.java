package org.goldbuying.assay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.goldbuying.scale.xrf.Element;
import org.goldbuying.scale.xrf.XrfShot;

/**
 * Flags a result whose composition points at fraud. Tungsten, lead and iron are checked in every shot as well as
 * in the mean: a single shot on a filled spot must not be averaged away.
 */
public final class FraudCheck {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private FraudCheck() {}

    public static List<FraudFlag> check(XrfResult result, FraudLimits limits) {
        List<FraudFlag> flags = new ArrayList<>();
        limit(result, Element.W, limits.maxTungstenPercent(), FraudFlag.Kind.TUNGSTEN, flags);
        limit(result, Element.PB, limits.maxLeadPercent(), FraudFlag.Kind.LEAD, flags);
        limit(result, Element.FE, limits.maxIronPercent(), FraudFlag.Kind.IRON, flags);
        for (XrfShot shot : result.shots()) {
            BigDecimal off = shot.total().subtract(HUNDRED).abs();
            if (off.compareTo(limits.totalTolerancePercentPoints()) > 0) {
                flags.add(new FraudFlag(
                        FraudFlag.Kind.COMPOSITION_SUM,
                        "shot " + shot.shotId() + " sums to "
                                + shot.total().toPlainString() + " % (allowed 100 ± "
                                + limits.totalTolerancePercentPoints().toPlainString() + ")"));
                break;
            }
        }
        return List.copyOf(flags);
    }

    private static void limit(
            XrfResult result, Element element, BigDecimal max, FraudFlag.Kind kind, List<FraudFlag> flags) {
        BigDecimal highest = result.percent(element);
        String where = "mean";
        for (XrfShot shot : result.shots()) {
            if (shot.percent(element).compareTo(highest) > 0) {
                highest = shot.percent(element);
                where = "shot " + shot.shotId();
            }
        }
        if (highest.compareTo(max) > 0) {
            flags.add(new FraudFlag(
                    kind,
                    element.symbol() + " " + highest.toPlainString() + " % in " + where + " (limit "
                            + max.toPlainString() + " %)"));
        }
    }
}
