/** The R9 evaluation report: per participant, the courses their role requires, done and missing. */
package org.campaignledger.query.training;
