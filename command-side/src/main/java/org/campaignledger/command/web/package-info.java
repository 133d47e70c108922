/** How a fact travels from HTTP to the command bus: metadata, idempotency, versions, and the answers. */
package org.campaignledger.command.web;
