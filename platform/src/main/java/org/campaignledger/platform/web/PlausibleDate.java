package org.campaignledger.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date a campaign can have: in the years 2000 to 2100. For dates no campaign rule bounds (a campaign's
 * start, a volunteer period), so that a typo such as year 5406 or 0201 is refused rather than recorded for
 * good. Null is valid (pair with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    String message() default "must be a date in the years 2000 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
