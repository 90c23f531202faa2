package org.goldbuying.web.session;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates the pages' requests by their session cookie ({@link PageSessions}). The account behind a session is
 * looked up again on every request (a {@link TrustedAuthenticationRequest} to the service's own accounts), so a
 * deactivated account stops at once (a lock after wrong passwords stops new logins, not a session). A change carried
 * by the cookie alone never reaches it: it must also
 * carry the {@code X-Requested-With} header the pages send ({@link org.goldbuying.web.CookieChangesNeedThePageHeader},
 * with the cookie's SameSite=Strict, two defences against cross-site requests). API clients keep HTTP
 * basic auth, and get its challenge. The pages mark their polls and live streams with {@code X-Background}, which
 * do not keep a session open (PageSessions' idle timeout).
 */
@ApplicationScoped
public class PageSessionMechanism implements HttpAuthenticationMechanism {
    static final String PAGE_HEADER = "X-Requested-With";
    /** What the pages send with their polls and live streams: those do not keep a session open. */
    static final String BACKGROUND_HEADER = "X-Background";

    private final PageSessions sessions;
    private final String cookieName;

    public PageSessionMechanism(PageSessions sessions, PageSessionConfig config) {
        this.sessions = sessions;
        this.cookieName = config.cookieName();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(cookieName);
        // credentials sent with the request (a supervisor signing at a clerk's counter) speak for it, not the session
        if (cookie == null || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().nullItem();
        }
        String token = cookie.getValue();
        boolean byThePerson = context.request().getHeader(BACKGROUND_HEADER) == null;
        return sessions.use(token, byThePerson)
                .map(username -> {
                    TrustedAuthenticationRequest request = new TrustedAuthenticationRequest(username);
                    HttpSecurityUtils.setRoutingContextAttribute(request, context);
                    // an account gone meanwhile (deactivated, even straight in the database) ends the session, and the
                    // request goes on as nobody's: a login from this browser still works
                    return identities.authenticate(request).onFailure().recoverWithUni(gone -> {
                        sessions.end(token);
                        return Uni.createFrom().nullItem();
                    });
                })
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /**
     * A page's request gets a plain 401 (the page shows its login), never a redirect to an identity provider that its
     * script could not follow; anything else gets the other mechanisms' challenge (basic auth's, or the OIDC login).
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.request().getHeader(PAGE_HEADER) != null) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().nullItem();
    }

    /** Asked first, so that its challenge is the one a page's request gets. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }
}
