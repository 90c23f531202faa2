package org.goldbuying.centre.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's rules without Quarkus: bounds, effective dates, and which version is in force when. */
class PolicyRulesTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    static List<String> problems(
            String fx,
            String discount,
            String royalty,
            String fees,
            String advance,
            Long maxTickAge,
            Long quoteLock,
            Instant effectiveFrom,
            String reason) {
        return PolicyRules.problems(
                dec(fx),
                dec(discount),
                dec(royalty),
                dec(fees),
                dec(advance),
                maxTickAge,
                quoteLock,
                effectiveFrom,
                reason,
                NOW);
    }

    static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static List<String> valid(Instant effectiveFrom) {
        return problems("3700.00", "5", "4", "0", "99", 86_400L, 120L, effectiveFrom, "Budget 2027");
    }

    @Test
    void theWorkedExamplesPolicyIsAcceptable() {
        assertThat(valid(null)).isEmpty();
        assertThat(valid(NOW.minus(Duration.ofMinutes(4)))).isEmpty();
        assertThat(valid(NOW.plus(Duration.ofDays(30)))).isEmpty();
        // the edges of every bound are inside
        assertThat(problems("0.00000001", "50", "0", "0", "50", 60L, 10L, null, "x"))
                .isEmpty();
        assertThat(problems("10000000", "0", "0", "50", "100", 604_800L, 3_600L, null, "x"))
                .isEmpty();
        assertThat(problems("3700", "16.6667", "16.6666", "16.6667", "99.5", 3_600L, 600L, null, "x"))
                .isEmpty();
    }

    @Test
    void eachValueOutsideItsBoundsIsNamedWithWhatItWas() {
        assertThat(problems("0", "5", "4", "0", "99", 86_400L, 120L, null, "r"))
                .containsExactly("fxLocalPerUsd must be above 0 and at most 10000000 (was 0).");
        assertThat(problems("-3700", "5", "4", "0", "99", 86_400L, 120L, null, "r"))
                .hasSize(1);
        assertThat(problems("10000000.01", "5", "4", "0", "99", 86_400L, 120L, null, "r"))
                .hasSize(1);
        assertThat(problems("3700.000000001", "5", "4", "0", "99", 86_400L, 120L, null, "r"))
                .containsExactly("fxLocalPerUsd may have at most 8 decimals (was 3700.000000001).");
        assertThat(problems("3700", "-1", "4", "0", "99", 86_400L, 120L, null, "r"))
                .containsExactly("discountPercent must be between 0 and 50 (was -1).");
        assertThat(problems("3700", "5", "51", "0", "99", 86_400L, 120L, null, "r"))
                .contains("royaltyPercent must be between 0 and 50 (was 51).");
        assertThat(problems("3700", "5", "4", "0.00001", "99", 86_400L, 120L, null, "r"))
                .containsExactly("feesPercent may have at most 4 decimals (was 0.00001).");
        assertThat(problems("3700", "30", "15", "10", "99", 86_400L, 120L, null, "r"))
                .containsExactly(
                        "discountPercent, royaltyPercent and feesPercent together must be at most 50 (were 55).");
        assertThat(problems("3700", "5", "4", "0", "49.9999", 86_400L, 120L, null, "r"))
                .containsExactly("advancePercent must be between 50 and 100 (was 49.9999).");
        assertThat(problems("3700", "5", "4", "0", "100.01", 86_400L, 120L, null, "r"))
                .hasSize(1);
        assertThat(problems("3700", "5", "4", "0", "99", 59L, 120L, null, "r"))
                .containsExactly("maxTickAgeSeconds must be between 60 and 604800 seconds (was 59).");
        assertThat(problems("3700", "5", "4", "0", "99", 604_801L, 120L, null, "r"))
                .hasSize(1);
        assertThat(problems("3700", "5", "4", "0", "99", 86_400L, 9L, null, "r"))
                .containsExactly("quoteLockSeconds must be between 10 and 3600 seconds (was 9).");
        assertThat(problems("3700", "5", "4", "0", "99", 86_400L, 3_601L, null, "r"))
                .hasSize(1);
    }

    @Test
    void missingValuesPastDatesAndNoReasonAreRefused() {
        assertThat(problems(null, null, null, null, null, null, null, null, " "))
                .containsExactly(
                        "fxLocalPerUsd is missing.",
                        "discountPercent is missing.",
                        "royaltyPercent is missing.",
                        "feesPercent is missing.",
                        "advancePercent is missing.",
                        "maxTickAgeSeconds is missing.",
                        "quoteLockSeconds is missing.",
                        "reason is missing: say why the policy changes (it is kept in the audit trail).");
        assertThat(valid(NOW.minus(Duration.ofMinutes(6))))
                .singleElement()
                .asString()
                .contains("is in the past: a policy cannot apply to prices already published");
        assertThat(valid(NOW.plus(Duration.ofDays(367))))
                .singleElement()
                .asString()
                .contains("more than 366 days ahead");
        assertThat(problems("3700", "5", "4", "0", "99", 86_400L, 120L, null, "r".repeat(501)))
                .containsExactly("reason may have at most 500 characters.");
    }

    static PolicyVersion version(long id, String effectiveAt) {
        return new PolicyVersion(
                id,
                new PolicyTerms(
                        BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN, 60, 60),
                Instant.parse(effectiveAt));
    }

    @Test
    void theVersionInForceIsTheLatestToHaveTakenEffect() {
        List<PolicyVersion> approved = List.of(
                version(1, "2026-11-01T00:00:00Z"),
                version(3, "2026-12-01T00:00:00Z"),
                version(2, "2026-11-20T12:00:00Z"));
        assertThat(PolicyRules.inForce(approved, Instant.parse("2026-10-31T23:59:59Z")))
                .isEmpty();
        assertThat(PolicyRules.inForce(approved, Instant.parse("2026-11-01T00:00:00Z")))
                .get()
                .extracting(PolicyVersion::id)
                .isEqualTo(1L);
        assertThat(PolicyRules.inForce(approved, NOW))
                .get()
                .extracting(PolicyVersion::id)
                .isEqualTo(2L);
        // a version approved for the future is not in force a moment before its time, and is at its time
        assertThat(PolicyRules.inForce(approved, Instant.parse("2026-11-30T23:59:59.999Z")))
                .get()
                .extracting(PolicyVersion::id)
                .isEqualTo(2L);
        assertThat(PolicyRules.inForce(approved, Instant.parse("2026-12-01T00:00:00Z")))
                .get()
                .extracting(PolicyVersion::id)
                .isEqualTo(3L);
        // two versions taking effect at the same instant: the later approval (higher id) wins
        assertThat(PolicyRules.inForce(
                        List.of(version(5, "2026-11-01T00:00:00Z"), version(4, "2026-11-01T00:00:00Z")), NOW))
                .get()
                .extracting(PolicyVersion::id)
                .isEqualTo(5L);
        assertThat(PolicyRules.inForce(List.of(), NOW)).isEmpty();
    }

    @Test
    void aLateApprovalTakesEffectWhenGivenNeverEarlier() {
        Instant requested = NOW.minus(Duration.ofMinutes(3));
        assertThat(PolicyRules.effectiveAt(requested, NOW)).isEqualTo(NOW);
        assertThat(PolicyRules.effectiveAt(NOW.plus(Duration.ofHours(1)), NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(PolicyRules.plain(new BigDecimal("1E+1")).toString()).isEqualTo("10");
        assertThat(PolicyRules.plain(new BigDecimal("3700.00")).toString()).isEqualTo("3700.00");
    }
}
