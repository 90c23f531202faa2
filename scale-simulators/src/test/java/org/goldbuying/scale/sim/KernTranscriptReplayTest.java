package org.goldbuying.scale.sim;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.kern.KernProtocol;

/** The committed Kern transcript (or one given with -Dtranscript) through the driver, without a serial line. */
class KernTranscriptReplayTest extends TranscriptReplayContract {
    @Override
    String protocolName() {
        return "kern";
    }

    @Override
    BalanceProtocol protocol() {
        return KernProtocol.withKcpSerialNumber();
    }

    @Override
    DriverReadings.ReplyReader reader() {
        return DriverReadings.kern();
    }
}
