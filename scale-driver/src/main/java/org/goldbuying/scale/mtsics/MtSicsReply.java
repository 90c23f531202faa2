package org.goldbuying.scale.mtsics;

import java.util.List;

/**
 * One MT-SICS reply line split into its parts: the command it answers ({@code S}, {@code I4}, or an error
 * such as {@code ES}), the status field ({@code S}, {@code D}, {@code A}, {@code I}, {@code +}, {@code -} ...;
 * empty for the bare error replies) and the remaining fields with quotes removed.
 */
public record MtSicsReply(String command, String status, List<String> fields, String rawLine) {
    public MtSicsReply {
        fields = List.copyOf(fields);
    }
}
