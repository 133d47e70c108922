package org.campaignledger.command.planted;

import org.campaignledger.query.QuerySideApplication;

/** A planted violation (test sources only): command-side code that uses the query side. */
public class CommandSideReadsQuerySide {

    Class<?> querySide() {
        return QuerySideApplication.class;
    }
}
