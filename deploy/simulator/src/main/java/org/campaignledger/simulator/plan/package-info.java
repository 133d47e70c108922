/** Deterministic plans of a realistic campaign: which commands units send, on which days, in which order. */
package org.campaignledger.simulator.plan;
