package org.goldbuying.scale.xrf;

import java.util.Objects;

/** Which analyser measured a shot: model and serial number, as the audit trail needs them. */
public record AnalyserId(String model, String serialNumber) {
    public AnalyserId {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }

    @Override
    public String toString() {
        return model + " #" + serialNumber;
    }
}
