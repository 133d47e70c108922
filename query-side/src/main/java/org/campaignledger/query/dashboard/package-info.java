/**
 * The web dashboard: city overview, 45-day timeline, map, ranking, unit, comparison and audit pages,
 * rendered from the read side's query messages and kept live by PostgreSQL notifications sent when a
 * projection commits.
 */
package org.campaignledger.query.dashboard;
