package org.goldbuying.centre.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which ways of logging in the dashboard offers: the bank's identity provider ({@link IdentityProviderLogin}) where
 * the centre has one, and password accounts where they exist (embedded users: the local network and tests only).
 */
@Path("/api/login-options")
@PermitAll
public class LoginOptionsResource {
    private final LoginOptions options;

    public LoginOptionsResource(Config config) {
        boolean identityProvider = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class)
                .orElse(true);
        boolean passwords = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .anyMatch(name -> name.startsWith("quarkus.security.users.embedded.users."));
        this.options = new LoginOptions(identityProvider, passwords);
    }

    /** Which ways of logging in the dashboard offers. */
    public record LoginOptions(boolean identityProvider, boolean password) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which ways of logging in the dashboard offers: the bank's identity provider, passwords")
    public LoginOptions options() {
        return options;
    }
}
