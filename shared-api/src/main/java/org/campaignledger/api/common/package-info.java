/** Value types and contracts that every area of the campaign shares. */
package org.campaignledger.api.common;
