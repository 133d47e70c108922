/** The benchmark harness: each measure of the ledger beside the machine's own limit, in the same run. */
package org.campaignledger.bench;
