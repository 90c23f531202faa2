package org.goldbuying.scale.sim;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.mtsics.MtSicsProtocol;

/** The committed MT-SICS transcript (or one given with -Dtranscript) through the driver, without a serial line. */
class MtSicsTranscriptReplayTest extends TranscriptReplayContract {
    @Override
    String protocolName() {
        return "mt-sics";
    }

    @Override
    BalanceProtocol protocol() {
        return new MtSicsProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.mtSics();
    }
}
