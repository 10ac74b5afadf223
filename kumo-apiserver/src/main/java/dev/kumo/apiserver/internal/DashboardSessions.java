package dev.kumo.apiserver.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's credentials besides the bearer token: one-time login codes (single use, short-lived, as Jupyter's
 * login links) and the sessions they open (expiring, ended by logout). Kept in memory, so a restart signs everyone
 * out; only hashes of the secrets are kept, so a lookup's timing tells nothing about a guess. Bounded: the oldest
 * code or session goes first.
 */
public final class DashboardSessions {

    /** How long a login link may wait to be opened. */
    public static final Duration LINK_LIFETIME = Duration.ofSeconds(60);
    /** How long a session lasts from its login. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    private static final int MAX_CODES = 32;
    private static final int MAX_SESSIONS = 256;

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> codes = new LinkedHashMap<>();
    private final Map<String, Instant> sessions = new LinkedHashMap<>();

    public DashboardSessions(InstantSource clock) {
        this.clock = clock;
    }

    /** A new one-time login code, valid for {@link #LINK_LIFETIME}. */
    public synchronized String issueCode() {
        String code = secret();
        put(codes, code, clock.instant().plus(LINK_LIFETIME), MAX_CODES);
        return code;
    }

    /** Spends {@code code}: a new session's id when the code was issued, unused and unexpired; empty otherwise. */
    public synchronized Optional<String> redeem(String code) {
        Instant expiry = codes.remove(hash(code));
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            return Optional.empty();
        }
        String session = secret();
        put(sessions, session, clock.instant().plus(SESSION_LIFETIME), MAX_SESSIONS);
        return Optional.of(session);
    }

    /** Whether {@code session} was opened by a login and has neither expired nor been ended. */
    public synchronized boolean valid(String session) {
        String key = hash(session);
        Instant expiry = sessions.get(key);
        if (expiry != null && !clock.instant().isBefore(expiry)) {
            sessions.remove(key);
            return false;
        }
        return expiry != null;
    }

    /** Ends {@code session} (logout); later requests carrying it are refused. */
    public synchronized void end(String session) {
        sessions.remove(hash(session));
    }

    private void put(Map<String, Instant> table, String secret, Instant expiry, int max) {
        Instant now = clock.instant();
        table.values().removeIf(e -> !now.isBefore(e));
        while (table.size() >= max) {
            table.remove(table.keySet().iterator().next());
        }
        table.put(hash(secret), expiry);
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
