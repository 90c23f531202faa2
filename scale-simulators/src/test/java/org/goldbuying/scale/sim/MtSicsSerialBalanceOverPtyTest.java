package org.goldbuying.scale.sim;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.transport.SerialLine;

class MtSicsSerialBalanceOverPtyTest extends BalanceOverPtyContract<MtSicsSimulator> {
    @Override
    MtSicsSimulator newSimulator(SerialLine deviceLine) {
        return new MtSicsSimulator(deviceLine, SERIAL, 2);
    }

    @Override
    BalanceProtocol protocol() {
        return new MtSicsProtocol();
    }

    @Override
    String strayStableFrame() {
        return "S S     999.99 g";
    }
}
