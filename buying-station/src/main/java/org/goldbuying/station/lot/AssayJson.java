package org.goldbuying.station.lot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldbuying.assay.FraudFlag;
import org.goldbuying.scale.xrf.Element;

/**
 * The JSON text kept in the lot's assay columns: the averaged composition (symbol to percent, as strings so that no
 * reader goes through a binary float) and the fraud flags. A plain mapper: these documents are ours and small.
 */
public final class AssayJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssayJson() {}

    public static String composition(Map<Element, BigDecimal> percentages) {
        Map<String, String> out = new LinkedHashMap<>();
        percentages.forEach((element, percent) -> out.put(element.symbol(), percent.toPlainString()));
        return write(out);
    }

    /** Symbol to percent, in the analyser's element order; empty when there is no composition yet. */
    public static Map<String, String> composition(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    /** The composition as the density check needs it. */
    public static Map<Element, BigDecimal> compositionPercentages(String json) {
        Map<Element, BigDecimal> out = new LinkedHashMap<>();
        composition(json).forEach((symbol, percent) -> out.put(Element.require(symbol), new BigDecimal(percent)));
        return out;
    }

    public static String flags(List<FraudFlag> flags) {
        return write(flags.stream()
                .map(f -> new FlagView(f.kind().name(), f.reason(), f.kind().clerkMessage()))
                .toList());
    }

    public static List<FlagView> flags(String json) {
        return json == null ? List.of() : read(json, new TypeReference<ArrayList<FlagView>>() {});
    }

    /** Adds one flag to a stored list. */
    public static String withFlag(String json, FraudFlag flag) {
        List<FlagView> flags = new ArrayList<>(flags(json));
        flags.add(new FlagView(flag.kind().name(), flag.reason(), flag.kind().clerkMessage()));
        return write(flags);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write assay JSON", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assay JSON is unreadable: " + json, e);
        }
    }
}
