package org.goldbuying.station.lot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which approvals a quote needs: plain rules, checked without the service. */
class ApprovalRulesTest {
    static final long LARGE = 20_000_000;
    static final long AML = 50_000_000;

    @Test
    void aSmallLotAssayedByXrfNeedsNothing() {
        assertThat(ApprovalRules.reasons(1_000_000, 0, LARGE, AML, false, false, false)).isEmpty();
    }

    @Test
    void aTypedFinenessAlwaysNeedsASupervisor() {
        assertThat(ApprovalRules.reasons(1, 0, LARGE, AML, true, false, false)).containsExactly(ApprovalRules.MANUAL_ASSAY);
    }

    @Test
    void reasonsAddUpInAFixedOrder() {
        assertThat(ApprovalRules.reasons(LARGE + 1, AML, LARGE, AML, true, false, false)).containsExactly(
                ApprovalRules.LARGE_VALUE, ApprovalRules.AML_LINKED, ApprovalRules.MANUAL_ASSAY);
    }

    @Test
    void theLargeLotLimitIsExclusiveAndTheAmlThresholdInclusive() {
        assertThat(ApprovalRules.reasons(LARGE, 0, LARGE, AML, false, false, false)).isEmpty();
        assertThat(ApprovalRules.reasons(10, AML - 10, LARGE, AML, false, false, false)).containsExactly(ApprovalRules.AML_LINKED);
    }

    @Test
    void aDensityMismatchNeedsASupervisorWhateverTheValue() {
        assertThat(ApprovalRules.reasons(1, 0, LARGE, AML, false, true, false)).containsExactly(ApprovalRules.DENSITY_MISMATCH);
        assertThat(ApprovalRules.reasons(1, 0, LARGE, AML, false, false, true)).containsExactly(ApprovalRules.TYPED_WEIGHT);
    }
}
