package com.company.onboarding.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding: invalid bytes are an error, never a replacement character. UTF-8 unless a
 * body's media type names another charset.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static String decode(byte[] bytes) throws DocumentException {
        return decode(bytes, StandardCharsets.UTF_8);
    }

    /** {@code bytes} in {@code charset}; a UTF-8 byte order mark is skipped. */
    public static String decode(byte[] bytes, Charset charset) throws DocumentException {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        int start = utf8 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new DocumentException(DocumentException.Kind.ENCODING,
                    "invalid " + (utf8 ? "UTF-8" : charset.name()) + " near byte " + in.position(), 0, 0, null);
        }
    }
}
