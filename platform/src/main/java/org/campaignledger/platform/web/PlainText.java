package org.campaignledger.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text a person wrote (a name, a title, a description): any language, line breaks and tabs allowed, but
 * no control characters (NUL and the like, which PostgreSQL's text columns refuse and no person types),
 * no lone surrogate halves and no Unicode non-characters. Null is valid (pair with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text: no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
