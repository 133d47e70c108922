/** Metric names and help texts that pass {@code promtool check metrics}, whoever registered the meter. */
package org.campaignledger.platform.metrics;
