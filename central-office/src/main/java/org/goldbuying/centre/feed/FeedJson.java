package org.goldbuying.centre.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * JSON reading shared by the feed adapters. Numbers are read as exact decimals, never through a binary float, and a
 * price must look like a price: positive, at most 9 integer digits and 8 decimals.
 */
final class FeedJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // keep "2650.40" as written: the price on a tick is the feed's value, not a normalised one
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final Pattern DECIMAL_TEXT = Pattern.compile("^[0-9]{1,9}(\\.[0-9]{1,8})?$");

    private FeedJson() {}

    static JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new FeedException(what + " is empty.");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A positive USD per troy ounce value from a JSON number or decimal string; FeedException otherwise. */
    static BigDecimal price(JsonNode node, String what) {
        BigDecimal value;
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new FeedException(what + " has no value.");
        } else if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()
                && DECIMAL_TEXT.matcher(node.textValue().trim()).matches()) {
            value = new BigDecimal(node.textValue().trim());
        } else {
            throw new FeedException(what + " is not a number: " + abbreviate(node.toString()) + ".");
        }
        // magnitude first, and never toPlainString on it: 1e999999999 is a short text but a billion digits
        if (value.precision() - value.scale() > 9 || value.stripTrailingZeros().scale() > 8) {
            throw new FeedException(what + " is not a plausible price: " + abbreviate(value.toString()) + ".");
        }
        if (value.signum() <= 0) {
            throw new FeedException(what + " is not positive: " + value.toPlainString() + ".");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
