package org.campaignledger.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || isPlainText(value);
    }

    public static boolean isPlainText(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            } else if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF'
                    || (c >= '\uFDD0' && c <= '\uFDEF')) {
                return false;
            }
        }
        return true;
    }
}
