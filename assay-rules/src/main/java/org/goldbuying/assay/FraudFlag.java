package org.goldbuying.assay;

import java.util.Objects;

/** A reason to stop the purchase and call the supervisor, with what was measured. */
public record FraudFlag(Kind kind, String reason) {
    public enum Kind {
        TUNGSTEN("Tungsten found: the item may have a tungsten core. Stop and call the supervisor."),
        LEAD("Lead found: the item may have a lead core or solder. Stop and call the supervisor."),
        IRON("Iron found: the item may be plated base metal. Stop and call the supervisor."),
        COMPOSITION_SUM("The measured elements do not add up to 100 %. Measure again or call the supervisor."),
        DENSITY_MISMATCH(
                "The density does not match the measured composition: the inside may differ from the surface. Stop "
                        + "and call the supervisor.");

        private final String clerkMessage;

        Kind(String clerkMessage) {
            this.clerkMessage = clerkMessage;
        }

        public String clerkMessage() {
            return clerkMessage;
        }
    }

    public FraudFlag {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(reason);
    }
}
