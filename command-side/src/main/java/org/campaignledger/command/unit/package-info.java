/** A commune or ward within a campaign: its IT officers, teams, connectivity, volunteers, needs and model practices. */
package org.campaignledger.command.unit;
