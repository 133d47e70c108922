package org.campaignledger.api.common;

/**
 * A typed identifier that is a single string. Its JSON form is that bare string, and
 * {@link #toString()} returns it, so it can be used as an Axon aggregate identifier.
 */
public interface Identifier {

    String value();

    static String requireValid(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > 64 || !wellFormed(value)) {
            throw new IllegalArgumentException(
                    what + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-': " + value);
        }
        return value;
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9._:-]*}, checked by hand: every identifier of every event read passes here,
     * and {@code String.matches} compiles the pattern on each call.
     */
    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '.' && c != '_' && c != ':' && c != '-')) {
                return false;
            }
        }
        return true;
    }
}
