/** What the command side and the query side share at run time: the event store, the database, JSON, errors. */
package org.campaignledger.platform;
