package org.goldbuying.centre.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.goldbuying.infra.InfraTestResource;

/**
 * A real PostgreSQL and Kafka broker and the centre's signing key for every central-office test; one start serves the
 * whole module.
 */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "centre"))
@QuarkusTestResource(CentreSigningKeyResource.class)
public final class CentreTestResources {
    private CentreTestResources() {}
}
