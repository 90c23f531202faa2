package org.goldbuying.scale.xrf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports the shots of a CSV export. Handheld analysers export one row per reading with one column per element
 * (a "GeoChem"-style layout) and, for most, a sigma column per element; values below detection are the text
 * {@code <LOD}. Column names differ by vendor and firmware, so they come from a {@link Layout}; columns the layout
 * does not name are ignored. The whole import fails on the first bad row: a partly read export could silently
 * drop the one shot that mattered.
 */
public final class XrfCsvImporter {
    private static final int MAX_ROWS = 10_000;

    /**
     * Where to find each field. Element columns are those headed by an element symbol exactly; the sigma column
     * of element X is headed X followed by {@code sigmaSuffix}.
     *
     * @param modelColumn  column with the analyser model, or null when the export has none ({@code defaultModel}
     *                     is used then)
     * @param timeColumns  columns joined with one space and read with {@code timeFormat} in {@code zone}
     * @param valueUnit    {@code %} or {@code ppm}, for values and sigmas alike
     */
    public record Layout(
            char delimiter,
            String shotIdColumn,
            String serialColumn,
            String modelColumn,
            String defaultModel,
            List<String> timeColumns,
            DateTimeFormatter timeFormat,
            ZoneId zone,
            String durationSecondsColumn,
            String valueUnit,
            String sigmaSuffix,
            String belowDetection) {

        public Layout {
            Objects.requireNonNull(shotIdColumn);
            Objects.requireNonNull(serialColumn);
            Objects.requireNonNull(defaultModel);
            timeColumns = List.copyOf(timeColumns);
            Objects.requireNonNull(timeFormat);
            Objects.requireNonNull(zone);
            Objects.requireNonNull(durationSecondsColumn);
            Objects.requireNonNull(valueUnit);
            Objects.requireNonNull(sigmaSuffix);
            Objects.requireNonNull(belowDetection);
        }

        /**
         * The layout our tests and docs use, modelled on a GeoChem-style export: {@code Reading #},
         * {@code Instrument Serial Num}, {@code Date}, {@code Time}, {@code Test Duration}, then {@code Au},
         * {@code Au +/-}, ... in percent. The exact column names of each vendor are not confirmed: set them per site.
         */
        public static Layout geoChemStyle(ZoneId zone) {
            return new Layout(
                    ',',
                    "Reading #",
                    "Instrument Serial Num",
                    null,
                    "XRF",
                    List.of("Date", "Time"),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
                    zone,
                    "Test Duration",
                    "%",
                    " +/-",
                    "<LOD");
        }
    }

    private final Layout layout;

    public XrfCsvImporter(Layout layout) {
        this.layout = Objects.requireNonNull(layout);
    }

    public List<XrfShot> importCsv(String csv) {
        List<List<String>> rows = CsvRows.parse(csv, layout.delimiter(), MAX_ROWS + 1);
        if (rows.isEmpty()) {
            throw new XrfException(XrfFault.CSV_FORMAT, "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            if (columns.putIfAbsent(header.get(i).strip(), i) != null) {
                throw new XrfException(XrfFault.CSV_FORMAT, "column '" + header.get(i) + "' appears twice");
            }
        }
        Map<Element, Integer> elementColumns = new EnumMap<>(Element.class);
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            Element.fromSymbol(c.getKey()).ifPresent(e -> elementColumns.put(e, c.getValue()));
        }
        if (elementColumns.isEmpty()) {
            throw new XrfException(XrfFault.CSV_FORMAT, "no element columns (Au, Ag, ...)");
        }
        int shotId = required(columns, layout.shotIdColumn());
        int serial = required(columns, layout.serialColumn());
        Optional<Integer> model =
                layout.modelColumn() == null ? Optional.empty() : Optional.of(required(columns, layout.modelColumn()));
        List<Integer> time =
                layout.timeColumns().stream().map(c -> required(columns, c)).toList();
        int duration = required(columns, layout.durationSecondsColumn());

        List<XrfShot> shots = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw rowError(r, "has " + row.size() + " cells, the header has " + header.size());
            }
            shots.add(shot(r, row, elementColumns, columns, shotId, serial, model, time, duration));
        }
        if (shots.isEmpty()) {
            throw new XrfException(XrfFault.CSV_FORMAT, "the file has a header but no readings");
        }
        return shots;
    }

    private XrfShot shot(
            int r,
            List<String> row,
            Map<Element, Integer> elementColumns,
            Map<String, Integer> columns,
            int shotId,
            int serial,
            Optional<Integer> model,
            List<Integer> time,
            int duration) {
        String context = "row " + (r + 1);
        try {
            Map<Element, ElementReading> readings = new EnumMap<>(Element.class);
            for (Map.Entry<Element, Integer> c : elementColumns.entrySet()) {
                Element element = c.getKey();
                String cell = row.get(c.getValue()).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                if (cell.equals(layout.belowDetection())) {
                    readings.put(element, ElementReading.belowDetection(element));
                    continue;
                }
                BigDecimal value =
                        XrfNumbers.toPercent(XrfNumbers.decimal(cell, '.', context), layout.valueUnit(), context);
                BigDecimal sigma = null;
                Integer sigmaColumn = columns.get(element.symbol() + layout.sigmaSuffix());
                if (sigmaColumn != null && !row.get(sigmaColumn).isBlank()) {
                    sigma = XrfNumbers.toPercent(
                            XrfNumbers.decimal(row.get(sigmaColumn).strip(), '.', context),
                            layout.valueUnit(),
                            context);
                }
                readings.put(element, ElementReading.of(element, value, sigma));
            }
            String when =
                    String.join(" ", time.stream().map(i -> row.get(i).strip()).toList());
            LocalDateTime local = LocalDateTime.parse(when, layout.timeFormat());
            BigDecimal seconds = XrfNumbers.decimal(row.get(duration).strip(), '.', context);
            String id = row.get(shotId).strip();
            String serialNumber = row.get(serial).strip();
            if (id.isEmpty() || serialNumber.isEmpty()) {
                throw rowError(r, "has no reading number or no instrument serial number");
            }
            return new XrfShot(
                    id,
                    new AnalyserId(model.map(row::get).map(String::strip).orElse(layout.defaultModel()), serialNumber),
                    local.atZone(layout.zone()).toInstant(),
                    Duration.ofMillis(seconds.movePointRight(3)
                            .setScale(0, RoundingMode.HALF_EVEN)
                            .longValueExact()),
                    readings,
                    XrfShot.Source.CSV_IMPORT,
                    null,
                    null,
                    String.join(String.valueOf(layout.delimiter()), row));
        } catch (DateTimeParseException e) {
            throw rowError(r, "has a date/time that does not match the layout");
        } catch (XrfException e) {
            if (e.fault() == XrfFault.CSV_FORMAT) {
                throw e;
            }
            throw rowError(r, e.detail());
        }
    }

    private static int required(Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new XrfException(XrfFault.CSV_FORMAT, "column '" + name + "' is missing");
        }
        return index;
    }

    private static XrfException rowError(int r, String why) {
        return new XrfException(XrfFault.CSV_FORMAT, "row " + (r + 1) + " " + why);
    }

    /** A small RFC 4180 reader: quoted cells may hold the delimiter, quotes ("") and line breaks. */
    static final class CsvRows {
        private CsvRows() {}

        static List<List<String>> parse(String text, char delimiter, int maxRows) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean cellStarted = false;
            int i = text.startsWith("\uFEFF") ? 1 : 0; // spreadsheet programs write a byte-order mark
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else if (c == delimiter) {
                    row.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    rows.add(row);
                    if (rows.size() > maxRows) {
                        throw new XrfException(XrfFault.CSV_FORMAT, "more than " + (maxRows - 1) + " readings");
                    }
                    row = new ArrayList<>();
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '"') {
                    throw new XrfException(
                            XrfFault.CSV_FORMAT, "a quote inside an unquoted cell in row " + (rows.size() + 1));
                } else {
                    cell.append(c);
                    cellStarted = true;
                }
            }
            if (quoted) {
                throw new XrfException(XrfFault.CSV_FORMAT, "a quoted cell is not closed");
            }
            if (cellStarted || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
