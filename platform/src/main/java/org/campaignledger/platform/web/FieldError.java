package org.campaignledger.platform.web;

/** One bad field of a request: where (a JSON path such as {@code peopleServed.ELDERLY}) and what is wrong. */
public record FieldError(String field, String message) {
}
