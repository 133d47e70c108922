/** Planted violations, outside the scanned packages: proof that the architecture rules can fail. Test code only. */
package org.campaignledger.planted;
