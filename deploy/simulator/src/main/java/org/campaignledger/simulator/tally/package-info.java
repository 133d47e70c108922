/** What a simulation sent and what the platform answered, and the figures its read side must therefore show. */
package org.campaignledger.simulator.tally;
