/** Enrolling participants and recording the courses they complete (R2, R3, R9). */
package org.campaignledger.api.training;
