package org.campaignledger.command.planted;

/** Stands in for a command-side class, so the architecture test can prove it catches a dependency on one. */
public class CommandSideThing {
}
