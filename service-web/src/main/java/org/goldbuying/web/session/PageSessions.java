package org.goldbuying.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' server-side sessions: a random token in an HttpOnly cookie names a session held here, in the service's
 * memory; the browser keeps no credentials at all. A session ends at logout, after {@code idleTimeout} without a
 * request the person made (the pages' background polls and live streams do not count), after {@code maxAge}, when its
 * account is deactivated (the account is checked again on every request anyway), or when the service restarts (the
 * pages then ask to log in again). One account holds at most {@link #PER_ACCOUNT} sessions: a login beyond that ends
 * its oldest, so no account can fill the memory with sessions.
 */
@ApplicationScoped
public class PageSessions {
    /** Sessions one account may hold at once (a few browsers or tabs at one counter). */
    static final int PER_ACCOUNT = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public PageSessions(PageSessionConfig config, Clock clock) {
        this.idleTimeout = config.idleTimeout();
        this.maxAge = config.maxAge();
        this.clock = clock;
    }

    /** A session of one logged-in person. */
    record Session(String username, Instant startedAt, Instant lastUsedAt) {
        Session used(Instant now) {
            return new Session(username, startedAt, now);
        }
    }

    /** Starts a session for someone whose password was just checked; returns its token (256 random bits). */
    public synchronized String start(String username) {
        sweep();
        List<String> own = sessions.entrySet().stream()
                .filter(e -> e.getValue().username().equals(username))
                .sorted(Comparator.comparing(e -> e.getValue().startedAt()))
                .map(Map.Entry::getKey)
                .toList();
        for (int i = 0; i <= own.size() - PER_ACCOUNT; i++) {
            sessions.remove(own.get(i));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        sessions.put(token, new Session(username, now, now));
        return token;
    }

    /**
     * Whose session the token names, if it is still open. A request the person made ({@code byThePerson}) keeps it
     * open; a page's background poll does not, so a counter left alone logs out after the idle timeout.
     */
    public Optional<String> use(String token, boolean byThePerson) {
        Instant now = clock.instant();
        Session session =
                sessions.computeIfPresent(token, (t, s) -> !open(s, now) ? null : byThePerson ? s.used(now) : s);
        return Optional.ofNullable(session).map(Session::username);
    }

    public void end(String token) {
        sessions.remove(token);
    }

    /** Ends every session of one account (deactivated, or its password changed). */
    public void endAllOf(String username) {
        // by key: a session renewed meanwhile (a new value under the same token) is ended all the same
        sessions.entrySet().stream()
                .filter(e -> e.getValue().username().equals(username))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(sessions::remove);
    }

    /** Forgets ended sessions nobody came back to (at each login; the token lookup ends them anyway). */
    void sweep() {
        Instant now = clock.instant();
        sessions.entrySet().stream()
                .filter(e -> !open(e.getValue(), now))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(sessions::remove);
    }

    int open() {
        return sessions.size();
    }

    private boolean open(Session session, Instant now) {
        return now.isBefore(session.lastUsedAt().plus(idleTimeout))
                && now.isBefore(session.startedAt().plus(maxAge));
    }
}
