package org.campaignledger.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while checking that it is well-formed UTF-8 (RFC 3629): no stray continuation
 * byte, no overlong form (e.g. {@code C0 AF} for '/'), no surrogate half, nothing above U+10FFFF, no sequence
 * cut short. Jackson decodes some of these without complaint (the bad-input properties in deploy/reliability
 * got {@code C0 AF} recorded as '/'), so JSON bodies are checked before it reads them.
 */
final class Utf8ValidatingInputStream extends FilterInputStream {

    private long offset;
    private int continuationBytesLeft;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    Utf8ValidatingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        int read = super.read(buffer, from, length);
        if (read < 0) {
            atEnd();
        }
        for (int i = from; i < from + read; i++) {
            check(buffer[i] & 0xFF);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    private void check(int b) throws InvalidUtf8Exception {
        if (continuationBytesLeft > 0) {
            if (b < nextLow || b > nextHigh) {
                throw invalid(b);
            }
            continuationBytesLeft--;
            nextLow = 0x80;
            nextHigh = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                continuationBytesLeft = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuationBytesLeft = 2;
                nextLow = b == 0xE0 ? 0xA0 : 0x80;
                nextHigh = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuationBytesLeft = 3;
                nextLow = b == 0xF0 ? 0x90 : 0x80;
                nextHigh = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw invalid(b);
            }
        }
        offset++;
    }

    private void atEnd() throws InvalidUtf8Exception {
        if (continuationBytesLeft > 0) {
            throw new InvalidUtf8Exception("The body is not valid UTF-8: it ends inside a character (byte "
                    + offset + ").");
        }
    }

    private InvalidUtf8Exception invalid(int b) {
        return new InvalidUtf8Exception(String.format("The body is not valid UTF-8: byte %d (0x%02X) cannot"
                + " stand there; send UTF-8.", offset, b));
    }

    /** The body is not UTF-8; answered 400. */
    static final class InvalidUtf8Exception extends IOException {
        InvalidUtf8Exception(String message) {
            super(message);
        }
    }
}
