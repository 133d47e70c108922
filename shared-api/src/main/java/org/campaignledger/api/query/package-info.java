/** Questions the read side answers on Axon's query bus and over HTTP, and the views it answers with. */
package org.campaignledger.api.query;
