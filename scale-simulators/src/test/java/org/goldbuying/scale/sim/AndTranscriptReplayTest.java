package org.goldbuying.scale.sim;

import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.balance.BalanceProtocol;

/** The committed A&amp;D transcript (or one given with -Dtranscript) through the driver, without a serial line. */
class AndTranscriptReplayTest extends TranscriptReplayContract {
    @Override
    String protocolName() {
        return "a-and-d";
    }

    @Override
    BalanceProtocol protocol() {
        return new AndProtocol();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.and();
    }
}
