/** What operators watch: projection lag from the token store, readiness, and the campaign's own gauges. */
package org.campaignledger.query.ops;
