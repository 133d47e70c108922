/**
 * Rebuilding projections from the log (over HTTP, from the command line, with progress anyone can watch), and
 * the events they could not apply: listed and retried from their dead-letter queues.
 */
package org.campaignledger.query.admin;
