package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.transport.SerialLine;
import org.junit.jupiter.api.Test;

class OhausOverPtyTest extends BalanceOverPtyContract<OhausSimulator> {
    @Override
    OhausSimulator newSimulator(SerialLine deviceLine) {
        return new OhausSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new OhausProtocol();
    }

    @Override
    String strayStableFrame() {
        return "     999.99 g";
    }

    /** Ohaus's overload output is not confirmed; the simulator answers ES and the driver refuses. */
    @Override
    ScaleFault overloadFault() {
        return ScaleFault.DEVICE_ERROR;
    }

    @Test
    void stableRequestWaitsForTheLoadToSettle() {
        balance.connect();
        simulator.place(new BigDecimal("12.34"), 300);
        assertThat(balance.readLive().rawFrame()).endsWith("?");
        assertThat(balance.weighForTransaction().grossGrams()).isEqualByComparingTo("12.34");
    }
}
