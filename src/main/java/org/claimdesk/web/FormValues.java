package org.claimdesk.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and conversions for submitted form values, shared by every controller. Each method
 * returns a plain answer; controllers turn a refusal into a message on the field.
 */
public final class FormValues {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private FormValues() {
    }

    /** The value stripped of surrounding white space, or null when nothing remains. */
    public static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * True when the value is an absolute {@code http} or {@code https} URL with a host
     * ({@code javascript:}, {@code data:}, {@code file:} and relative URLs are refused).
     */
    public static boolean isHttpUrl(String value) {
        if (value == null || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Parses an ISO date ({@code yyyy-MM-dd}, what an HTML date input sends).
     *
     * @return the date, or null for a blank value
     * @throws DateTimeParseException when the value is not such a date
     */
    public static LocalDate isoDate(String value) {
        String trimmed = trimmed(value);
        return trimmed == null ? null : LocalDate.parse(trimmed);
    }

    /** True when the value looks like a BCP 47 language tag such as {@code en} or {@code pt-BR}. */
    public static boolean isLanguageTag(String value) {
        return value != null && value.length() <= 35 && LANGUAGE_TAG.matcher(value).matches();
    }
}
