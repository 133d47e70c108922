package org.campaignledger.command.web;

import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.platform.web.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A broken rule is answered as a problem whose {@code type} names the rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleViolationAdvice {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> violation(RuleViolation violation) {
        Rule rule = violation.rule();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status(rule.kind()), violation.getMessage());
        body.setType(ProblemTypes.uri(rule.slug()));
        body.setTitle(rule.title());
        body.setProperty("rule", rule.slug());
        violation.facts().forEach(body::setProperty);
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static HttpStatus status(Rule.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
