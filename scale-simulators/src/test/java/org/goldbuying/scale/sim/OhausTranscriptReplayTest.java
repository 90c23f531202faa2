package org.goldbuying.scale.sim;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.ohaus.OhausProtocol;

/** The committed Ohaus transcript (or one given with -Dtranscript) through the driver, without a serial line. */
class OhausTranscriptReplayTest extends TranscriptReplayContract {
    @Override
    String protocolName() {
        return "ohaus";
    }

    @Override
    BalanceProtocol protocol() {
        return new OhausProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.ohaus();
    }
}
