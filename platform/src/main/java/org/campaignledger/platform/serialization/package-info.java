/** How messages look as JSON: typed identifiers as bare strings, dates as ISO text, a stable layout. */
package org.campaignledger.platform.serialization;
