/** A unit's page: its IT officers, teams, support points with sessions and people served, model practices. */
package org.campaignledger.query.unit;
