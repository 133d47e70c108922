package org.campaignledger.simulator.run;

import java.time.Duration;

/**
 * How far a simulation is.
 *
 * @param done commands answered (accepted, rejected or failed)
 * @param ratePerSecond commands answered per second since the start
 * @param eta the time left at that rate; {@link Duration#ZERO} when finished or unknown
 * @param finished true for the last report of a run
 */
public record Progress(long done, long total, long accepted, long rejected, long failed, double ratePerSecond,
                       Duration elapsed, Duration eta, boolean finished) {

    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
