/** The domain rules a command can break, each with a stable problem type. */
package org.campaignledger.command.rules;
