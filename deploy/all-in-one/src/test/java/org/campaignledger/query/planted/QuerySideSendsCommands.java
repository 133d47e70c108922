package org.campaignledger.query.planted;

import org.campaignledger.command.CommandSideApplication;

/** A planted violation (test sources only): query-side code that uses the command side. */
public class QuerySideSendsCommands {

    Class<?> commandSide() {
        return CommandSideApplication.class;
    }
}
