package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Test;

class AndOverPtyTest extends BalanceOverPtyContract<AndSimulator> {
    @Override
    AndSimulator newSimulator(SerialLine deviceLine) {
        return new AndSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new AndProtocol();
    }

    @Override
    String strayStableFrame() {
        return "ST,+00999.99  g";
    }

    @Test
    void stableRequestWaitsForTheLoadToSettle() {
        balance.connect();
        simulator.place(new BigDecimal("12.34"), 300);
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("12.34");
    }

    @Test
    void comparatorFieldDoesNotDisturbTheReading() {
        simulator.comparator("OK");
        balance.connect();
        simulator.place(new BigDecimal("3.5"));
        assertThat(balance.weighForTransaction().rawFrame()).isEqualTo("ST,+00003.50  g,OK");
    }
}
