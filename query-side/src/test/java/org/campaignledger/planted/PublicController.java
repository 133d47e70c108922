package org.campaignledger.planted;

import org.springframework.web.bind.annotation.RestController;

/** Breaks the rule on purpose: a public controller. Only {@code ArchitectureTest} looks at it. */
@RestController
public class PublicController {

    public Object commandSideLeak() {
        return new org.campaignledger.command.planted.CommandSideThing();
    }
}
