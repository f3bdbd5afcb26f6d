package org.claimdesk.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display helpers for templates, grouped by the type they format. */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An instant as {@code 2024-11-22 14:05 UTC}. */
    static String utcDateTime(Instant instant) {
        return instant == null ? "" : UTC_MINUTES.format(instant);
    }

    /** An instant as an ISO-8601 UTC timestamp for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** An enum constant as words: {@code IN_CHECK} → "In check". */
    static String label(Enum<?> value) {
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A string encoded for a URL query parameter. */
    static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
