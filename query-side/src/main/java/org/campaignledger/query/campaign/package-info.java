/** The campaign list: every campaign, its dates, today's campaign day and whether it is running or closed. */
package org.campaignledger.query.campaign;
