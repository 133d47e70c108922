package org.campaignledger.command.web;

import org.springframework.stereotype.Component;

/**
 * Who is sending the current request. Until access control lands every sender is
 * {@code anonymous}; the name is recorded in each event's metadata all the same.
 */
@Component
public class Principals {

    public static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }

    public String role() {
        return "ANONYMOUS";
    }
}
