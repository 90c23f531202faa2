package org.goldbuying.web.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import org.goldbuying.web.ErrorBody;

/**
 * Logging in and out of the pages: a checked password starts a server-side session ({@link PageSessions}) named by
 * an HttpOnly, SameSite=Strict cookie that scripts cannot read. Wrong passwords count toward the account's lock
 * exactly as with basic auth, since both ask the same identity provider.
 */
@Path("/api/session")
@PermitAll
public class SessionResource {
    private final IdentityProviderManager identities;
    private final PageSessions sessions;
    private final String cookieName;
    private final boolean secureCookie;

    public SessionResource(IdentityProviderManager identities, PageSessions sessions, PageSessionConfig config) {
        this.identities = identities;
        this.sessions = sessions;
        this.cookieName = config.cookieName();
        this.secureCookie = config.secureCookie();
    }

    public record Login(String username, String password) {}

    public record LoggedIn(String username, Set<String> roles) {}

    /** Logs in to the pages: starts a session held by the service, named by an HttpOnly cookie. */
    @POST
    public Uni<Response> logIn(
            Login login,
            @HeaderParam(PageSessionMechanism.PAGE_HEADER) String page,
            @Context HttpServerRequest request) {
        if (page == null) {
            // another site's form cannot send the header: no one is logged in behind their back
            return Uni.createFrom()
                    .item(ErrorBody.response(
                            400,
                            "NOT_A_PAGE",
                            "Log in from the service's own page (the request lacks " + PageSessionMechanism.PAGE_HEADER
                                    + "); API clients use HTTP basic auth."));
        }
        if (login == null || blank(login.username()) || blank(login.password())) {
            return Uni.createFrom()
                    .item(ErrorBody.response(400, "LOGIN_INCOMPLETE", "Enter your username and your password."));
        }
        return identities
                .authenticate(new UsernamePasswordAuthenticationRequest(
                        login.username(),
                        new PasswordCredential(login.password().toCharArray())))
                .map(identity -> {
                    String token = sessions.start(identity.getPrincipal().getName());
                    return Response.ok(
                                    new LoggedIn(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles())))
                            .type(MediaType.APPLICATION_JSON)
                            .cookie(cookie(token, request.isSSL(), false))
                            .build();
                })
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(refused -> AccountLock.until(refused)
                        .map(until -> ErrorBody.response(
                                401,
                                "ACCOUNT_LOCKED",
                                "This account is locked until " + until
                                        + " after too many wrong passwords; a supervisor can unlock it."))
                        .orElseGet(() -> ErrorBody.response(401, "LOGIN_FAILED", "Wrong username or password.")));
    }

    /** Logs out of the pages: ends the session. */
    @DELETE
    public Response logOut(@Context HttpServerRequest request) {
        io.vertx.core.http.Cookie cookie = request.getCookie(cookieName);
        if (cookie != null) {
            sessions.end(cookie.getValue());
        }
        return Response.noContent().cookie(cookie("", request.isSSL(), true)).build();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private NewCookie cookie(String token, boolean secure, boolean expired) {
        return new NewCookie.Builder(cookieName)
                .value(token)
                .path("/")
                .httpOnly(true)
                .secure(secure || secureCookie)
                .sameSite(NewCookie.SameSite.STRICT)
                // no lifetime: the browser forgets it when it closes; the service ends it before that anyway
                .maxAge(expired ? 0 : NewCookie.DEFAULT_MAX_AGE)
                .build();
    }
}
