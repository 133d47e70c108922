package org.campaignledger.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Makes every application of the platform answer errors as problem details. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class ProblemDetailsConfiguration {
}
