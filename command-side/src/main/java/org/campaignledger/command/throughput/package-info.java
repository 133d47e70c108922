/**
 * The command path near the database's limit: concurrent commands share one commit (group commit)
 * and aggregates stay in memory between commands (a bounded cache).
 */
package org.campaignledger.command.throughput;
