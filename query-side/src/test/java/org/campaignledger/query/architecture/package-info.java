/** Rules the query side's structure must keep, each proven able to fail on a planted violation. */
package org.campaignledger.query.architecture;
