/** The ledger about itself: seals over the tamper-evident chain, and what verifying it found. */
package org.campaignledger.api.ledger;
