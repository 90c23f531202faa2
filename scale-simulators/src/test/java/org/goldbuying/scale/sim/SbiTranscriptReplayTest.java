package org.goldbuying.scale.sim;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.sbi.SbiProtocol;

/** The committed SBI transcript (or one given with -Dtranscript) through the driver, without a serial line. */
class SbiTranscriptReplayTest extends TranscriptReplayContract {
    @Override
    String protocolName() {
        return "sbi";
    }

    @Override
    BalanceProtocol protocol() {
        return new SbiProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.sbi();
    }
}
