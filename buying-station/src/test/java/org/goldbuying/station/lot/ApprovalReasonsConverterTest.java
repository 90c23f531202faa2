package org.goldbuying.station.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The approval_reasons column keeps the text it always had: no data migration for the EnumSet. */
class ApprovalReasonsConverterTest {
    private final ApprovalReasonsConverter converter = new ApprovalReasonsConverter();

    @Test
    void noReasonIsNull() {
        assertThat(converter.convertToDatabaseColumn(EnumSet.noneOf(ApprovalReason.class)))
                .isNull();
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
    }

    @Test
    void reasonsAreCommaJoinedInTheEnumsOrder() {
        assertThat(converter.convertToDatabaseColumn(
                        EnumSet.of(ApprovalReason.TYPED_WEIGHT, ApprovalReason.LARGE_VALUE, ApprovalReason.AML_LINKED)))
                .isEqualTo("LARGE_VALUE,AML_LINKED,TYPED_WEIGHT");
    }

    @Test
    void theTextWrittenBeforeReadsBack() {
        assertThat(converter.convertToEntityAttribute("LARGE_VALUE,MANUAL_ASSAY"))
                .containsExactly(ApprovalReason.LARGE_VALUE, ApprovalReason.MANUAL_ASSAY);
        for (ApprovalReason reason : ApprovalReason.values()) {
            EnumSet<ApprovalReason> all = EnumSet.complementOf(EnumSet.of(reason));
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(all)))
                    .isEqualTo(all);
        }
    }
}
