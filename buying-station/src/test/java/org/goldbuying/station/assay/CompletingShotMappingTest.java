package org.goldbuying.station.assay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldbuying.station.lot.ApprovalReason;
import org.goldbuying.station.lot.ApprovalReasonsConverter;
import org.goldbuying.station.lot.Lot;
import org.junit.jupiter.api.Test;

/**
 * The XRF fast path ({@link CompletingShot}) writes the lot and the shot by hand, beside Hibernate. This checks it
 * against the entities' mapping (read from their JPA annotations, as Hibernate reads them): every column of
 * {@link Lot} is either set by the statement, its guard, or listed below as one a completing shot cannot change; every
 * column of {@link XrfShotRecord} is inserted; and each parameter carries the value of the field mapped to its
 * column. A new field on either entity fails this test until the fast path (or the list) says what happens to it.
 */
class CompletingShotMappingTest {
    /** Lot columns the completing shot leaves as they are: fixed at intake, or changed only by other use cases. */
    static final Set<String> UNCHANGED_BY_A_COMPLETING_SHOT = Set.of(
            "id",
            "seller_id",
            "seller_type",
            "mine_site_id",
            "reading_id",
            "device_id",
            "weighed_at",
            "gross_grams",
            "raw_frame",
            "weight_override_reason",
            "assay_flags",
            "assay_released_by",
            "assay_released_at",
            "approved_by",
            "approved_at",
            "density_grams_in_water",
            "density_water_celsius",
            "density_measured",
            "density_expected",
            "density_difference",
            "density_allowed",
            "density_flag",
            "density_by",
            "density_at",
            "station_sequence",
            "paid_at",
            "payment_method",
            "payment_reference",
            "verification_code",
            "paid_by",
            "void_reason",
            "voided_by",
            "voided_at",
            "created_at",
            "created_by");

    static final Pattern ASSIGNMENT = Pattern.compile("(\\w+) = (\\$\\d+|NULL|'\\w+'|version \\+ 1)");

    @Test
    void everyLotColumnIsWrittenGuardedOrKnownToStayAsItIs() {
        Set<String> accounted = new TreeSet<>(UNCHANGED_BY_A_COMPLETING_SHOT);
        accounted.addAll(lotAssignments().keySet());
        assertThat(accounted).isEqualTo(new TreeSet<>(columns(Lot.class).keySet()));
    }

    @Test
    void everyShotColumnButTheGeneratedIdIsInserted() {
        Set<String> mapped = new TreeSet<>(columns(XrfShotRecord.class).keySet());
        mapped.remove("id");
        assertThat(new TreeSet<>(insertedShotColumns())).isEqualTo(mapped);
    }

    @Test
    void eachParameterCarriesTheValueOfItsColumnsField() throws Exception {
        Lot lot = AssayDecisionTest.lot("10");
        List<XrfShotRecord> shots = AssayDecisionTest.shots("91.5", "91.6", "91.4");
        AssayDecision.decide(lot, shots, AssayDecisionTest.PRICED, AssayDecisionTest.POLICY)
                .applyTo(lot);
        XrfShotRecord shot = shots.get(2);
        Tuple values = CompletingShot.values(lot, shot);

        Map<String, List<Field>> lotColumns = columns(Lot.class);
        lotAssignments().forEach((column, value) -> {
            if (value.startsWith("$")) {
                Object expected = stored(valueOf(lot, lotColumns.get(column)));
                assertThat(values.getValue(parameter(value))).as(column).isEqualTo(expected);
            }
        });
        assertThat(values.getValue(parameter(guard("id")))).isEqualTo(lot.id());
        assertThat(values.getValue(parameter(guard("version")))).isEqualTo(lot.version());

        Map<String, List<Field>> shotColumns = columns(XrfShotRecord.class);
        List<String> inserted = insertedShotColumns();
        List<String> selected = selectedShotValues();
        assertThat(selected).hasSameSizeAs(inserted);
        for (int i = 0; i < inserted.size(); i++) {
            String column = inserted.get(i);
            String value = selected.get(i);
            if (value.startsWith("$")) {
                Object expected = stored(valueOf(shot, shotColumns.get(column)));
                assertThat(values.getValue(parameter(value))).as(column).isEqualTo(expected);
            }
        }
        assertThat(values.size()).isEqualTo(35);
    }

    /**
     * An entity's columns, as Hibernate maps them: @Column names (or the field's name in snake case), through
     * @Embedded types; each with the path of fields that holds its value.
     */
    static Map<String, List<Field>> columns(Class<?> type) {
        Map<String, List<Field>> columns = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(Transient.class)) {
                continue;
            }
            if (field.isAnnotationPresent(Embedded.class)) {
                columns(field.getType()).forEach((column, path) -> {
                    List<Field> full = new ArrayList<>(List.of(field));
                    full.addAll(path);
                    columns.put(column, full);
                });
                continue;
            }
            Column column = field.getAnnotation(Column.class);
            columns.put(
                    column != null && !column.name().isEmpty() ? column.name() : snake(field.getName()),
                    List.of(field));
        }
        return columns;
    }

    /** Column to the SQL value assigned by the UPDATE, with the WHERE clause's guards. */
    static Map<String, String> lotAssignments() {
        String update = CompletingShot.QUOTE_AND_SHOT.substring(
                CompletingShot.QUOTE_AND_SHOT.indexOf("UPDATE lot"),
                CompletingShot.QUOTE_AND_SHOT.indexOf("RETURNING"));
        Map<String, String> assigned = new LinkedHashMap<>();
        Matcher m = ASSIGNMENT.matcher(update);
        while (m.find()) {
            assigned.put(m.group(1), m.group(2));
        }
        return assigned;
    }

    static String guard(String column) {
        String where = CompletingShot.QUOTE_AND_SHOT.substring(CompletingShot.QUOTE_AND_SHOT.indexOf("WHERE"));
        Matcher m = Pattern.compile(column + " = (\\$\\d+)").matcher(where);
        assertThat(m.find()).as("guard on " + column).isTrue();
        return m.group(1);
    }

    static List<String> insertedShotColumns() {
        String sql = CompletingShot.QUOTE_AND_SHOT;
        String list = sql.substring(
                sql.indexOf("INSERT INTO xrf_shot (") + "INSERT INTO xrf_shot (".length(),
                sql.indexOf(")", sql.indexOf("INSERT INTO xrf_shot (")));
        return List.of(list.split(",")).stream().map(String::strip).toList();
    }

    static List<String> selectedShotValues() {
        String sql = CompletingShot.QUOTE_AND_SHOT;
        String list = sql.substring(sql.indexOf("SELECT ") + "SELECT ".length(), sql.indexOf("FROM quoted"));
        return List.of(list.split(",")).stream()
                .map(v -> v.strip().replaceAll("::\\w+$", ""))
                .toList();
    }

    static int parameter(String placeholder) {
        return Integer.parseInt(placeholder.substring(1)) - 1;
    }

    /** The value at the end of a path of fields (through the embedded objects on the way). */
    static Object valueOf(Object entity, List<Field> path) {
        Object value = entity;
        try {
            for (Field field : path) {
                if (value == null) {
                    return null;
                }
                field.setAccessible(true);
                value = field.get(value);
            }
            return value;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a value of the mapping is sent to PostgreSQL by the fast path. */
    @SuppressWarnings("unchecked")
    static Object stored(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Set<?> set) {
            return ApprovalReasonsConverter.toColumn((Set<ApprovalReason>) set);
        }
        return value;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
