/** The simulator's command line: plans a campaign, drives it over HTTP, prints progress and the tally. */
package org.campaignledger.simulator;
