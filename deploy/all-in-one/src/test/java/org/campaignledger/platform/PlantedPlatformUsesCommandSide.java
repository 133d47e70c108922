package org.campaignledger.platform;

import org.campaignledger.command.CommandSideApplication;

/** A planted violation (test sources only): platform code that uses a side. */
public class PlantedPlatformUsesCommandSide {

    Class<?> commandSide() {
        return CommandSideApplication.class;
    }
}
