package org.goldbuying.station.lot;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Stores a lot's approval reasons as the column has always held them: names joined by commas in the enum's order
 * ({@code LARGE_VALUE,AML_LINKED}), and NULL when the lot needs none.
 */
@Converter
public class ApprovalReasonsConverter implements AttributeConverter<EnumSet<ApprovalReason>, String> {

    @Override
    public String convertToDatabaseColumn(EnumSet<ApprovalReason> reasons) {
        return toColumn(reasons);
    }

    /** The column's text for these reasons (for statements written by hand, such as the XRF fast path). */
    public static String toColumn(Set<ApprovalReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        StringJoiner joined = new StringJoiner(",");
        reasons.forEach(reason -> joined.add(reason.name()));
        return joined.toString();
    }

    @Override
    public EnumSet<ApprovalReason> convertToEntityAttribute(String column) {
        EnumSet<ApprovalReason> reasons = EnumSet.noneOf(ApprovalReason.class);
        if (column == null || column.isBlank()) {
            return reasons;
        }
        for (String name : column.split(",")) {
            reasons.add(ApprovalReason.valueOf(name.strip()));
        }
        return reasons;
    }
}
