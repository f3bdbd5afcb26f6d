package org.claimdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Input that has broken web applications: markup and script, event handlers, dangerous URL
 * schemes, SVG, bidirectional overrides, invisible characters, very long strings, NUL bytes and
 * bytes that are not UTF-8. Each payload is submitted to every field by {@link HostileInputTest}.
 */
public final class HostilePayloads {

    /**
     * One hostile value.
     *
     * @param name what it tries, for failure messages
     * @param bytes the value as sent on the wire
     * @param text the value as a string, or null when the bytes are not valid UTF-8
     */
    public record Payload(String name, byte[] bytes, String text) {

        static Payload of(String name, String text) {
            return new Payload(name, text.getBytes(StandardCharsets.UTF_8), text);
        }

        /** True when the value contains characters that must never come back unescaped in HTML. */
        public boolean needsEscaping() {
            return text != null && text.chars().anyMatch(c -> c == '<' || c == '>' || c == '"' || c == '\'');
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The payloads, each marked with "pwn" so a leak is easy to spot in a page. */
    public static final List<Payload> ALL = List.of(
            Payload.of("script tag", "<script>alert('pwn')</script>"),
            Payload.of("event handler in a new element", "\"><img src=x onerror=alert('pwn')>"),
            Payload.of("event handler breaking out of a single-quoted attribute", "' onmouseover='alert(\"pwn\")' x='"),
            Payload.of("javascript URL", "javascript:alert('pwn')"),
            Payload.of("javascript URL with case and space tricks", " JaVaScRiPt:alert('pwn')"),
            Payload.of("data URL", "data:text/html;base64,PHNjcmlwdD5hbGVydCgncHduJyk8L3NjcmlwdD4="),
            Payload.of("SVG with onload", "<svg/onload=alert('pwn')><circle r=\"1\"/></svg>"),
            Payload.of("closing textarea and title", "</textarea></title><script>alert('pwn')</script>"),
            Payload.of("template expression", "{inject:currentAccount.displayName}{#include main}pwn{/include}"),
            Payload.of("SQL quote", "pwn' OR '1'='1'; --"),
            Payload.of("LIKE wildcards and backslash", "%_\\pwn%"),
            Payload.of("right-to-left override", "pwn\u202Etxt.exe"),
            Payload.of("zero-width characters", "p\u200Bw\u200Cn\u200D\u2060\uFEFF"),
            Payload.of("100,000 characters", "pwn".repeat(33_334)),
            Payload.of("NUL byte", "pwn\u0000after-nul"),
            Payload.of("control characters", "pwn\u0001\u0008\u001B[31m\u007F"),
            Payload.of("largest int", "2147483647"),
            Payload.of("number beyond long", "-9223372036854775809"),
            Payload.of("not a number", "NaN"),
            new Payload("invalid UTF-8 bytes", new byte[] {'p', 'w', 'n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE,
                    (byte) 0xED, (byte) 0xA0, (byte) 0x80}, null));

    private HostilePayloads() {
    }
}
