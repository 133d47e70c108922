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
        if (value.length() > 64 || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw new IllegalArgumentException(
                    what + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-': " + value);
        }
        return value;
    }
}
