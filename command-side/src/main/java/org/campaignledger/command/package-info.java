/** The write side: turns facts sent over HTTP into commands, decides on them, and appends the events. */
package org.campaignledger.command;
