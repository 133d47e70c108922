/** What the ledger holds about one person (Decree 13/2023, the data subject's right of access). */
package org.campaignledger.query.people;
