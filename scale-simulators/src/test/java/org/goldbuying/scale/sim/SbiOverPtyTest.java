package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.sbi.SbiProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Test;

class SbiOverPtyTest extends BalanceOverPtyContract<SbiSimulator> {
    @Override
    SbiSimulator newSimulator(SerialLine deviceLine) {
        return new SbiSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new SbiProtocol();
    }

    @Override
    String strayStableFrame() {
        return "+   999.99 g  ";
    }

    @Test
    void longFramesWithIdentifier() {
        simulator.longFrames(true);
        balance.connect();
        simulator.place(new BigDecimal("5.05"));
        TransactionReading reading = balance.weighForTransaction();
        assertThat(reading.grossGrams()).isEqualByComparingTo("5.05");
        assertThat(reading.rawFrame()).hasSize(20).startsWith("N     ");
    }
}
