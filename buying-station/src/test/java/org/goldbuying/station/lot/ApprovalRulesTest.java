package org.goldbuying.station.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which approvals a quote needs: plain rules, checked without the service. */
class ApprovalRulesTest {
    static final long LARGE = 20_000_000;
    static final long AML = 50_000_000;
    static final ApprovalRules.Limits LIMITS = new ApprovalRules.Limits(LARGE, AML);

    static Set<ApprovalReason> reasons(long net, long paid, ApprovalReason... concerns) {
        EnumSet<ApprovalReason> of = EnumSet.noneOf(ApprovalReason.class);
        of.addAll(Set.of(concerns));
        return ApprovalRules.reasons(new ApprovalRules.Facts(net, paid, of), LIMITS);
    }

    @Test
    void aSmallLotAssayedByXrfNeedsNothing() {
        assertThat(reasons(1_000_000, 0)).isEmpty();
    }

    @Test
    void aTypedFinenessAlwaysNeedsASupervisor() {
        assertThat(reasons(1, 0, ApprovalReason.MANUAL_ASSAY)).containsExactly(ApprovalReason.MANUAL_ASSAY);
    }

    @Test
    void reasonsAddUpInAFixedOrder() {
        assertThat(reasons(LARGE + 1, AML, ApprovalReason.MANUAL_ASSAY))
                .containsExactly(ApprovalReason.LARGE_VALUE, ApprovalReason.AML_LINKED, ApprovalReason.MANUAL_ASSAY);
    }

    @Test
    void theLargeLotLimitIsExclusiveAndTheAmlThresholdInclusive() {
        assertThat(reasons(LARGE, 0)).isEmpty();
        assertThat(reasons(10, AML - 10)).containsExactly(ApprovalReason.AML_LINKED);
    }

    @Test
    void aDensityMismatchNeedsASupervisorWhateverTheValue() {
        assertThat(reasons(1, 0, ApprovalReason.DENSITY_MISMATCH)).containsExactly(ApprovalReason.DENSITY_MISMATCH);
        assertThat(reasons(1, 0, ApprovalReason.TYPED_WEIGHT)).containsExactly(ApprovalReason.TYPED_WEIGHT);
    }

    @Test
    void theValueBasedReasonsAreTheRulesOwnWhateverTheLotSays() {
        assertThat(reasons(1, 0, ApprovalReason.LARGE_VALUE, ApprovalReason.AML_LINKED))
                .isEmpty();
    }
}
