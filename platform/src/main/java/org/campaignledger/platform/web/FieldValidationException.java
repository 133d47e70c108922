package org.campaignledger.platform.web;

import java.util.List;

/** Request fields that are invalid for reasons annotations cannot express; answered as a 400 listing them. */
public class FieldValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public FieldValidationException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public FieldValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
