/** Running a plan: concurrent workers that keep each aggregate's order, progress with rate and ETA. */
package org.campaignledger.simulator.run;
