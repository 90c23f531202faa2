package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.kern.KernProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Test;

/** Kern with KCP's serial-number request (the only way to identify it), single-byte weight commands. */
class KernOverPtyTest extends BalanceOverPtyContract<KernSimulator> {
    @Override
    KernSimulator newSimulator(SerialLine deviceLine) {
        KernSimulator simulator = new KernSimulator(deviceLine, SERIAL, 2);
        simulator.kcp(true);
        return simulator;
    }

    @Override
    BalanceProtocol protocol() {
        return KernProtocol.withKcpSerialNumber();
    }

    @Override
    String strayStableFrame() {
        return "    999.99 g  ";
    }

    /** The plain Kern protocol prints only "Error" when overloaded. */
    @Override
    ScaleFault overloadFault() {
        return ScaleFault.DEVICE_ERROR;
    }

    @Test
    void taggedFramesOverloadIsTyped() {
        simulator.taggedFrames(true);
        balance.connect();
        simulator.place(new BigDecimal("1.5"));
        assertThat(balance.weighForTransaction().rawFrame()).isEqualTo("ST,GS     1.50G");
        simulator.overload();
        assertFault(balance::readLive, ScaleFault.OVERLOAD);
    }

    @Test
    void withoutKcpTheBalanceCannotBeIdentifiedButStillShowsLiveWeight() throws Exception {
        simulator.kcp(false);
        balance.close();
        balance = new org.goldbuying.scale.balance.SerialBalance(
                new org.goldbuying.scale.transport.JSerialCommLine(
                        org.goldbuying.scale.transport.SerialSettings.defaults(
                                pair.hostEnd().toString())),
                new KernProtocol(),
                BALANCE,
                java.time.Clock.systemUTC(),
                org.goldbuying.scale.balance.ReadingIds.fromClock(),
                java.time.Duration.ofMillis(800));
        assertFault(balance::connect, ScaleFault.IDENTITY_MISMATCH);
        simulator.place(new BigDecimal("2.25"));
        assertThat(balance.readLive().grams()).isEqualByComparingTo("2.25");
        assertFault(balance::weighForTransaction, ScaleFault.IDENTITY_MISMATCH);
    }
}
