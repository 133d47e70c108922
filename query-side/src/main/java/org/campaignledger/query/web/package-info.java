/** What every read endpoint shares: parsing of instants, problems for unknown things and bad parameters. */
package org.campaignledger.query.web;
