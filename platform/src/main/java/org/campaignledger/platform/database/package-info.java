/** Which PostgreSQL the application uses: the configured server, or an embedded one by default. */
package org.campaignledger.platform.database;
