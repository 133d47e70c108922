/** The messages of Campaign Ledger: commands, events, queries and the value types they carry. */
package org.campaignledger.api;
