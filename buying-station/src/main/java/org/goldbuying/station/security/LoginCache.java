package org.goldbuying.station.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers recent successful logins for a short time, so that a page polling the balance twice a second does not
 * pay a deliberately slow bcrypt check on every request. Only a salted SHA-256 of the credentials and the stored hash
 * is kept (the salt is random per process). It only saves the bcrypt check: the account's row is read on every
 * request, so a deactivated or locked account is refused at once, and a changed password no longer matches.
 */
final class LoginCache {
    private record Entry(byte[] digest, Set<String> roles, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    LoginCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** With the monotonic clock given, so a test can move time instead of waiting. */
    LoginCache(Duration ttl, LongSupplier nanoTime) {
        new SecureRandom().nextBytes(salt);
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The roles of a login that succeeded recently with exactly these credentials against this stored hash, or null.
     */
    Set<String> roles(String username, String password, String storedHash) {
        Entry entry = entries.get(username);
        if (entry == null || nanoTime.getAsLong() - entry.expiresAtNanos() > 0) {
            return null;
        }
        return MessageDigest.isEqual(entry.digest(), digest(username, password, storedHash)) ? entry.roles() : null;
    }

    void remember(String username, String password, String storedHash, Set<String> roles) {
        entries.put(
                username,
                new Entry(digest(username, password, storedHash), Set.copyOf(roles), nanoTime.getAsLong() + ttlNanos));
    }

    private byte[] digest(String username, String password, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
