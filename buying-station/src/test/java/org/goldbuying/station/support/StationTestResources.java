package org.goldbuying.station.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.goldbuying.infra.InfraTestResource;

/**
 * The real parts every station test runs against: PostgreSQL, a Kafka broker, a balance and an XRF
 * analyser, each on its own pty, and the centre's key pair that signs the ticks. Declared once
 * here; Quarkus applies them to all test classes, so one application start serves the whole module.
 */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "station"))
@QuarkusTestResource(BalanceSimulatorResource.class)
@QuarkusTestResource(XrfSimulatorResource.class)
@QuarkusTestResource(CentreKeyResource.class)
public final class StationTestResources {
    private StationTestResources() {}
}
