package org.goldbuying.station.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;

@Path("/api")
public class UserResource {
    private final StationUsers users;
    private final SecurityIdentity identity;

    public UserResource(StationUsers users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    public record Me(String username, Set<String> roles) {}

    public record NewUser(
            @NotBlank
            @Pattern(regexp = "[a-z0-9._-]{3,40}", message = "3-40 lower-case letters, digits, '.', '_' or '-'")
            String username,

            @NotBlank @Size(max = 80) String displayName,

            @NotBlank @Size(min = 10, max = 128, message = "at least 10 characters")
            String password,

            @NotNull Role role) {}

    public enum Role {
        CLERK,
        SUPERVISOR
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.CLERK)
    @Operation(summary = "Who is logged in, and with which roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @POST
    @Path("users")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Create a counter account (supervisors only)")
    public Uni<Response> create(@Valid @NotNull NewUser user) {
        return users.create(
                        user.username(),
                        user.displayName(),
                        user.password(),
                        user.role().name())
                .map(created -> {
                    if (!created) {
                        throw new StationException(
                                StationError.DUPLICATE, "The username " + user.username() + " is taken.");
                    }
                    return Response.status(201)
                            .entity(new Me(
                                    user.username(),
                                    user.role() == Role.SUPERVISOR
                                            ? Set.of(Roles.CLERK, Roles.SUPERVISOR)
                                            : Set.of(Roles.CLERK)))
                            .build();
                });
    }

    @POST
    @Path("users/{username}/deactivate")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Deactivate a counter account at once (another supervisor's, never your own)")
    public Uni<Response> deactivate(@PathParam("username") String username) {
        if (username.equals(identity.getPrincipal().getName())) {
            throw new StationException(
                    StationError.SELF_APPROVAL, "You cannot deactivate your own account; another supervisor does.");
        }
        return users.deactivate(username).map(done -> answer(done, username));
    }

    @POST
    @Path("users/{username}/unlock")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Unlock an account locked after repeated failed logins")
    public Uni<Response> unlock(@PathParam("username") String username) {
        return users.unlock(username).map(done -> answer(done, username));
    }

    private static Response answer(boolean done, String username) {
        if (!done) {
            throw new StationException(StationError.NOT_FOUND, "No account " + username + ".");
        }
        return Response.noContent().build();
    }
}
