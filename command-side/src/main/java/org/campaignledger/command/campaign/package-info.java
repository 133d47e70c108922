/** Launching and closing campaigns, and the campaign rules every other command is checked against. */
package org.campaignledger.command.campaign;
