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

    /** True when the string is an http(s) URL that may be linked. */
    static boolean httpUrl(String value) {
        return FormValues.isHttpUrl(value);
    }

    /** The number, but no more than {@code max}. */
    static int atMost(int value, int max) {
        return Math.min(value, max);
    }

    /** Points with their sign: "+12", "-8", "0". */
    static String signed(int value) {
        return value > 0 ? "+" + value : Integer.toString(value);
    }

    /** The items joined by single spaces. */
    static String spaced(java.util.List<?> items) {
        return items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The items joined by ", ". */
    static String commaSeparated(java.util.List<?> items) {
        return items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The text cut to 500 characters, the longest claimReviewed. */
    static String shortSummary(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** How a claim's anchor state reads on a page. */
    static String anchorLabel(org.claimdesk.claim.AnchorState state) {
        return switch (state) {
            case ANCHORED -> "Anchored";
            case MOVED_UNCONFIRMED -> "Moved, please confirm";
            case ORPHANED -> "Orphaned";
        };
    }

    /** A string encoded for a URL query parameter. */
    static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
