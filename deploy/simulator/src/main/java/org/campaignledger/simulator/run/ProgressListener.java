package org.campaignledger.simulator.run;

/** Told about a running simulation every so often, and once more when it finished; never called concurrently. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);
}
