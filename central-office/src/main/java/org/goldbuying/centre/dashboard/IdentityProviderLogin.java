package org.goldbuying.centre.dashboard;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The dashboard's login through the bank's identity provider (OIDC): the page's button opens this path, which only
 * the authorization code flow may reach (application.properties); the browser goes to the provider's login page,
 * comes back with a session cookie the centre encrypted, and lands here, then on the dashboard.
 */
@Path("/dashboard/oidc-login")
public class IdentityProviderLogin {

    /** Reached only once the identity provider has logged the user in. */
    @GET
    @Authenticated
    public Response loggedIn() {
        return Response.seeOther(URI.create("/dashboard/")).build();
    }
}
