/** Rebuilding projections from the log: over HTTP, from the command line, with progress anyone can watch. */
package org.campaignledger.query.admin;
