package io.meterbridge.camel.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may see the page: anyone who reaches it while {@code http.status.token} is not set (then it
 * listens on a loopback address only, see {@link StatusSettings}); otherwise a request that
 * carries the token as the password of HTTP Basic (what a browser asks for; any user name) or as
 * {@code Authorization: Bearer TOKEN} (Prometheus, scripts). Compared in constant time.
 */
final class StatusAccess {

    /** What a browser shows in its password prompt. */
    static final String REALM = "meterbridge";

    private final byte[] token;

    StatusAccess(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean open() {
        return token == null;
    }

    /** Whether a request with this {@code Authorization} header (null if none) may pass. */
    boolean allows(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        String given;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            int colon = pair.indexOf(':');
            given = colon < 0 ? pair : pair.substring(colon + 1);
        } else {
            return false;
        }
        return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
