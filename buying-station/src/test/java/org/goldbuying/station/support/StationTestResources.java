package org.goldbuying.station.support;

import org.goldbuying.infra.InfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real parts every station test runs against: PostgreSQL, a Kafka broker and a balance on a pty. Declared once
 * here; Quarkus applies them to all test classes, so one application start serves the whole module.
 */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "station"))
@QuarkusTestResource(BalanceSimulatorResource.class)
public final class StationTestResources {
    private StationTestResources() {
    }
}
