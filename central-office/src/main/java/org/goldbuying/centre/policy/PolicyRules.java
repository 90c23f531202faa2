package org.goldbuying.centre.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the pricing policy, with no framework: which proposals are acceptable, which version is in force at
 * an instant, and when an approved version takes effect. The bounds are deliberately wider than any programme's
 * real values (docs/pricing.md) and exist to catch a slip of the keyboard, not to make policy.
 */
public final class PolicyRules {
    /** Local currency units per USD: above this is a typing error in any currency in use today. */
    public static final BigDecimal MAX_FX = new BigDecimal("10000000");

    public static final int MAX_FX_DECIMALS = 8;
    public static final int MAX_PERCENT_DECIMALS = 4;
    /** Each of discount, royalty and fees, and the three together: a miner is always paid at least half. */
    public static final BigDecimal MAX_DEDUCTION_PERCENT = new BigDecimal("50");

    public static final BigDecimal MIN_ADVANCE_PERCENT = new BigDecimal("50");
    public static final BigDecimal MAX_ADVANCE_PERCENT = new BigDecimal("100");
    public static final Duration MIN_QUOTE_LOCK = Duration.ofSeconds(10);
    public static final Duration MAX_QUOTE_LOCK = Duration.ofHours(1);
    public static final Duration MIN_TICK_AGE = Duration.ofMinutes(1);
    public static final Duration MAX_TICK_AGE = Duration.ofDays(7);
    /** A proposal may say "from now" a little late (the time it took to type it), never rewrite the past. */
    public static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);

    public static final Duration MAX_AHEAD = Duration.ofDays(366);
    public static final int MAX_TEXT = 500;

    private PolicyRules() {}

    /**
     * Every problem with a proposal, in words a treasury user can act on; empty when it may be proposed.
     * A null field is missing; {@code effectiveFrom} null means "now" and is allowed.
     */
    public static List<String> problems(
            BigDecimal fx,
            BigDecimal discount,
            BigDecimal royalty,
            BigDecimal fees,
            BigDecimal advance,
            Long maxTickAgeSeconds,
            Long quoteLockSeconds,
            Instant effectiveFrom,
            String reason,
            Instant now) {
        List<String> problems = new ArrayList<>();
        if (fx == null) {
            problems.add("fxLocalPerUsd is missing.");
        } else if (fx.signum() <= 0 || fx.compareTo(MAX_FX) > 0) {
            problems.add("fxLocalPerUsd must be above 0 and at most " + MAX_FX.toPlainString() + " (was "
                    + fx.toPlainString() + ").");
        } else if (fx.scale() > MAX_FX_DECIMALS) {
            problems.add("fxLocalPerUsd may have at most " + MAX_FX_DECIMALS + " decimals (was " + fx.toPlainString()
                    + ").");
        }
        percent(problems, "discountPercent", discount, BigDecimal.ZERO, MAX_DEDUCTION_PERCENT);
        percent(problems, "royaltyPercent", royalty, BigDecimal.ZERO, MAX_DEDUCTION_PERCENT);
        percent(problems, "feesPercent", fees, BigDecimal.ZERO, MAX_DEDUCTION_PERCENT);
        if (discount != null && royalty != null && fees != null) {
            BigDecimal total = discount.add(royalty).add(fees);
            if (total.compareTo(MAX_DEDUCTION_PERCENT) > 0) {
                problems.add("discountPercent, royaltyPercent and feesPercent together must be at most "
                        + MAX_DEDUCTION_PERCENT.toPlainString() + " (were " + total.toPlainString() + ").");
            }
        }
        percent(problems, "advancePercent", advance, MIN_ADVANCE_PERCENT, MAX_ADVANCE_PERCENT);
        seconds(problems, "maxTickAgeSeconds", maxTickAgeSeconds, MIN_TICK_AGE, MAX_TICK_AGE);
        seconds(problems, "quoteLockSeconds", quoteLockSeconds, MIN_QUOTE_LOCK, MAX_QUOTE_LOCK);
        if (effectiveFrom != null) {
            if (effectiveFrom.isBefore(now.minus(PAST_TOLERANCE))) {
                problems.add("effectiveFrom " + effectiveFrom + " is in the past: a policy cannot apply to prices "
                        + "already published. Leave it out to mean now.");
            } else if (effectiveFrom.isAfter(now.plus(MAX_AHEAD))) {
                problems.add("effectiveFrom " + effectiveFrom + " is more than " + MAX_AHEAD.toDays() + " days ahead.");
            }
        }
        if (reason == null || reason.isBlank()) {
            problems.add("reason is missing: say why the policy changes (it is kept in the audit trail).");
        } else if (reason.length() > MAX_TEXT) {
            problems.add("reason may have at most " + MAX_TEXT + " characters.");
        }
        return problems;
    }

    private static void percent(List<String> problems, String name, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            problems.add(name + " is missing.");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(name + " must be between " + min.toPlainString() + " and " + max.toPlainString() + " (was "
                    + value.toPlainString() + ").");
        } else if (value.scale() > MAX_PERCENT_DECIMALS) {
            problems.add(name + " may have at most " + MAX_PERCENT_DECIMALS + " decimals (was " + value.toPlainString()
                    + ").");
        }
    }

    private static void seconds(List<String> problems, String name, Long value, Duration min, Duration max) {
        if (value == null) {
            problems.add(name + " is missing.");
        } else if (value < min.toSeconds() || value > max.toSeconds()) {
            problems.add(name + " must be between " + min.toSeconds() + " and " + max.toSeconds() + " seconds (was "
                    + value + ").");
        }
    }

    /** A decimal as written, except that an exponent form (1E+1, from a JSON number) becomes plain (10). */
    public static BigDecimal plain(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }

    /** The version in force at {@code at}: the greatest effective time not after it; a later approval wins a tie. */
    public static Optional<PolicyVersion> inForce(Collection<PolicyVersion> approved, Instant at) {
        return approved.stream()
                .filter(v -> !v.effectiveAt().isAfter(at))
                .max(Comparator.comparing(PolicyVersion::effectiveAt).thenComparingLong(PolicyVersion::id));
    }

    /** An approval given after the requested time makes the version effective when it is given, never earlier. */
    public static Instant effectiveAt(Instant effectiveFrom, Instant approvedAt) {
        return effectiveFrom.isAfter(approvedAt) ? effectiveFrom : approvedAt;
    }
}
