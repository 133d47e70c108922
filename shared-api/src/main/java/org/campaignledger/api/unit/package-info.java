/** What a commune or ward records about itself: IT officers, teams, connectivity, volunteers, needs, model practices. */
package org.campaignledger.api.unit;
