package org.campaignledger.query.projection;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of the event being handled, from the token the processor hands to it. */
public final class Positions {

    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without a position: " + token));
    }
}
