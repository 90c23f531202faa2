package org.goldbuying.scale.kern;

import java.util.Objects;
import java.util.Optional;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.mtsics.MtSicsParser;

/**
 * Kern's older protocol as a {@link BalanceProtocol}: single-byte commands sent without a terminator,
 * {@code s} (stable weight; the balance waits), {@code w} (weight now), {@code t} (tare; there is no separate
 * zero). That protocol has no way to ask for the serial number, so such a balance cannot be identified and is
 * refused for transactions. Models that also understand KCP (the MT-SICS-like newer protocol) answer
 * {@code I4}; {@link #withKcpSerialNumber()} uses that to identify them.
 */
public final class KernProtocol extends CommandTextProtocol {
    public static final String STABLE = "s";
    public static final String ANY = "w";
    public static final String TARE = "t";
    /** KCP's serial-number request, answered as {@code I4 A "<serial>"}. */
    public static final String KCP_SERIAL_NUMBER = "I4\r\n";

    private final MassUnit unitWhenBlank;

    /** No serial-number request: the balance can show live weight but is refused for transactions. */
    public KernProtocol() {
        this(MassUnit.GRAM, Optional.empty());
    }

    /**
     * @param unitWhenBlank       the unit the balance is set to, used to show unstable frames, which carry none
     * @param serialNumberCommand the KCP serial-number request if the model has one
     */
    public KernProtocol(MassUnit unitWhenBlank, Optional<String> serialNumberCommand) {
        super("kern", STABLE, ANY, serialNumberCommand, TARE, false, true);
        this.unitWhenBlank = Objects.requireNonNull(unitWhenBlank);
    }

    public static KernProtocol withKcpSerialNumber() {
        return new KernProtocol(MassUnit.GRAM, Optional.of(KCP_SERIAL_NUMBER));
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return KernParser.weight(line, unitWhenBlank);
    }

    @Override
    public String parseSerialNumber(String line) {
        return MtSicsParser.serialNumber(MtSicsParser.parse(line));
    }
}
