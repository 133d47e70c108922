/** Mobile digital-literacy support points and the sessions they hold: counts of people, never who. */
package org.campaignledger.command.support;
