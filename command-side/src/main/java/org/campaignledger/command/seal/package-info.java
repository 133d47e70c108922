/** When the ledger is sealed: every day on a schedule, and when a campaign is closed. */
package org.campaignledger.command.seal;
