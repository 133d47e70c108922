/** Mobile digital-literacy support points and the sessions they hold (R5). Counts only, never residents. */
package org.campaignledger.api.support;
