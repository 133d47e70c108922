/** Participants: their enrolment and the courses they complete, single or imported from course platforms. */
package org.campaignledger.command.training;
