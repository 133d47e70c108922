/** Errors as RFC 9457 problem details, the same shape on every endpoint of both sides. */
package org.campaignledger.platform.web;
