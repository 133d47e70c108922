/**
 * The tamper-evident chain: the formulas (mirroring the database's, migration V1_0_5), the seals' Merkle
 * roots, taking a seal, and verifying the whole log. See docs/TAMPER-EVIDENCE.md.
 */
package org.campaignledger.platform.chain;
