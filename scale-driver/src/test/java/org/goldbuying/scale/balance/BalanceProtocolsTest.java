package org.goldbuying.scale.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.goldbuying.scale.device.BalanceConfig;
import org.goldbuying.scale.device.BalanceProtocols;
import org.junit.jupiter.api.Test;

class BalanceProtocolsTest {
    @Test
    void everyConfiguredNameGivesItsProtocol() {
        for (String name : BalanceProtocols.NAMES) {
            BalanceProtocol protocol = BalanceProtocols.create(BalanceConfig.defaults("/dev/ttyUSB0", name));
            assertThat(name).startsWith(protocol.name());
        }
        assertThat(BalanceProtocols.create(BalanceConfig.defaults("/dev/ttyUSB0", "kern"))
                        .serialNumberCommand())
                .isEmpty();
        assertThat(BalanceProtocols.create(BalanceConfig.defaults("/dev/ttyUSB0", "kern-kcp"))
                        .serialNumberCommand())
                .contains("I4\r\n");
    }

    @Test
    void unknownProtocolIsAConfigurationError() {
        assertThatThrownBy(() -> BalanceConfig.defaults("/dev/ttyUSB0", "toledo-8217"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mt-sics");
    }
}
