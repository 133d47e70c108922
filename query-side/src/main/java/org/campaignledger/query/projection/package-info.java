/** What every projection shares: writes buffered per batch and flushed with the processor's token. */
package org.campaignledger.query.projection;
