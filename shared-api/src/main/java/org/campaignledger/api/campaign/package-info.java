/** Launching and closing a campaign, and the definition (units, courses, targets) it runs on. */
package org.campaignledger.api.campaign;
