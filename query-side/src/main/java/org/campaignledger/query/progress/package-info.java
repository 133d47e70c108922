/** Bitemporal campaign progress: per-unit-day deltas, their change log, and the timeline, summary and comparison built on them. */
package org.campaignledger.query.progress;
