/** Sending a planned command to the platform, in-process through a CommandGateway or over its REST API. */
package org.campaignledger.simulator.send;
