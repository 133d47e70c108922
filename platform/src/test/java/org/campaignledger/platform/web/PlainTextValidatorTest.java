package org.campaignledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextValidatorTest {

    @Test
    void acceptsTextInAnyLanguageWithLineBreaks() {
        assertThat(PlainTextValidator.isPlainText("Thanh toán không tiền mặt\ntại chợ\tdân sinh 😀")).isTrue();
    }

    @Test
    void refusesControlCharactersSurrogateHalvesAndNonCharacters() {
        for (String bad : new String[] {"a\u0000b", "\u0007", "x\u001B[31m", "\u007F", "\u0085", "a\uD800b",
                "\uDC00", "end\uD83D", "\uFFFF", "\uFDD0"}) {
            assertThat(PlainTextValidator.isPlainText(bad)).as(bad.codePoints().boxed().toList().toString())
                    .isFalse();
        }
    }
}
