/** The read side of Campaign Ledger: projections of the event log and the questions they answer. */
package org.campaignledger.query;
