package org.campaignledger.command.web;

/**
 * The answer to an accepted fact: which aggregate recorded it and the version it is now at
 * (send it back as {@code If-Match} to make the next change conditional).
 */
public record Accepted(String aggregateId, long version) {

    /** How the API documents this answer. */
    public static final String DESCRIPTION =
            "Recorded: the aggregate that holds the fact and its new version (also as ETag)";
}
