/** A planted stand-in for the command side, used only by the query side's architecture test. */
package org.campaignledger.command.planted;
