/** The all-in-one application: both sides and the dashboard in one JVM, Hanoi's campaign loaded on first start. */
package org.campaignledger.launcher;
