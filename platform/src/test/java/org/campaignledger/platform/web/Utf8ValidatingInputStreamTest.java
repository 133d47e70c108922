package org.campaignledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatingInputStreamTest {

    @Test
    void passesWellFormedUtf8Through() throws IOException {
        byte[] text = "{\"name\":\"Phường Ba Đình 😀\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(read(text)).isEqualTo(text);
    }

    @Test
    void refusesEveryKindOfMalformedSequence() {
        byte[][] malformed = {
                {'a', (byte) 0x80},                          // a continuation byte alone
                {(byte) 0xC0, (byte) 0xAF},                  // overlong '/'
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},     // overlong, three bytes
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},     // a surrogate half
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0xFF},
                {(byte) 0xC3, (byte) 0x28},                  // a lead byte without its continuation
                {'a', (byte) 0xE2, (byte) 0x82},             // cut short at the end
        };
        for (byte[] bytes : malformed) {
            assertThatThrownBy(() -> read(bytes)).as(java.util.HexFormat.of().formatHex(bytes))
                    .isInstanceOf(Utf8ValidatingInputStream.InvalidUtf8Exception.class)
                    .hasMessageContaining("not valid UTF-8");
        }
    }

    private static byte[] read(byte[] bytes) throws IOException {
        try (var in = new Utf8ValidatingInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
