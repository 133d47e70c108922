/**
 * People as the ledger knows them: ids only. Names and contact details live outside the event log (the
 * personal-data store), so that forgetting a person erases them while every count and the chain stay intact.
 */
package org.campaignledger.api.people;
