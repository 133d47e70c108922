/** The audit trail: the event log itself with its metadata, filtered, paged, exported, and folded per aggregate. */
package org.campaignledger.query.audit;
