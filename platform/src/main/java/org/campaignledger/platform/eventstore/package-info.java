/** Axon's JDBC event store on PostgreSQL, with database-side recording time and fact columns. */
package org.campaignledger.platform.eventstore;
