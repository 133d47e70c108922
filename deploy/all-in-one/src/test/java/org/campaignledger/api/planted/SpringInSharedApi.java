package org.campaignledger.api.planted;

import org.springframework.stereotype.Component;

/** A planted violation (test sources only): a shared-api class that depends on Spring. */
@Component
public class SpringInSharedApi {
}
