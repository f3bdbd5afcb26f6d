package org.claimdesk.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks and conversions for submitted form values, shared by every controller. Each method
 * returns a plain answer; controllers turn a refusal into a message on the field.
 */
public final class FormValues {

    /** Longest stored file name, in characters. */
    public static final int MAX_FILE_NAME = 255;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private FormValues() {
    }

    /** The value stripped of surrounding white space, or null when nothing remains. */
    public static String trimmed(String value) {
        if (value == null || !hasVisibleText(value)) {
            return null;
        }
        return value.strip();
    }

    /**
     * True when a text holds something a reader can see: a code point that is not whitespace
     * (including no-break and other Unicode spaces, {@link Character#isSpaceChar}) and not an
     * invisible format character (Unicode category Cf, e.g. U+200B ZERO WIDTH SPACE, U+FEFF).
     * A required field holding only such characters counts as empty.
     *
     * @param value the text, or null (false)
     */
    public static boolean hasVisibleText(String value) {
        return value != null && value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT);
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

    /**
     * What is wrong with the value of a one-line field (a title, a name, search words), in words for
     * the person who typed it, or null when nothing is.
     *
     * @param value the trimmed value; null (nothing typed) is fine
     * @param label the field as the message names it, e.g. "title"
     * @param maxLength the most characters (Java chars) the field takes
     * @return "The title is longer than 300 characters." and the like, or null
     */
    public static String lineProblem(String value, String label, int maxLength) {
        if (value == null) {
            return null;
        }
        if (hasControlCharacters(value)) {
            return "The " + label + " contains control characters (such as a NUL byte or a line break). Remove them.";
        }
        if (value.length() > maxLength) {
            return "The " + label + " is longer than " + String.format(Locale.ROOT, "%,d", maxLength) + " characters.";
        }
        return null;
    }

    /**
     * What is wrong with a value that may span lines (a textarea), or null when it can be stored:
     * NUL (U+0000, which PostgreSQL cannot store) and the other C0 control characters are refused;
     * tab, line feed and carriage return are allowed.
     *
     * @param value the submitted value; null is fine
     * @param label the field as the message names it, starting with a capital, e.g. "The rating explanation"
     * @return "The rating explanation contains a NUL byte ..." and the like, or null
     */
    public static String unstorableProblem(String value, String label) {
        if (value == null || value.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            return null;
        }
        return label + " contains a NUL byte or another control character that cannot be saved. Remove it and send the form again.";
    }

    /**
     * Records {@link #unstorableProblem} of a field under its form field name, replacing whatever
     * else was said about the field (a value that cannot be stored makes other checks moot).
     *
     * @param problems what is wrong, by form field name
     * @param field the form field name, e.g. {@code "claimReviewed"}
     * @param value the submitted value; null is fine
     * @param label the field as the message names it, e.g. "The claim reviewed"
     */
    public static void addUnstorableProblem(Map<String, String> problems, String field, String value, String label) {
        String problem = unstorableProblem(value, label);
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    /**
     * True when the value contains a C0 control character (U+0000 to U+001F, tab included) or DEL.
     * PostgreSQL cannot store U+0000 at all; the others do not belong in a one-line value.
     */
    public static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /**
     * An uploaded file's name as it can be stored and shown: only its last path segment (some
     * browsers send a whole path), control characters removed, at most {@value #MAX_FILE_NAME}
     * characters with the extension kept.
     *
     * @param sent the name the browser sent; may be null
     * @return the cleaned name, or null when nothing remains
     */
    public static String fileName(String sent) {
        if (sent == null) {
            return null;
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("[\\x00-\\x1f\\x7f]", "").strip();
        if (name.length() > MAX_FILE_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot >= 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_FILE_NAME - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut) + extension;
        }
        return name.isEmpty() ? null : name;
    }

    /** True when the value looks like a BCP 47 language tag such as {@code en} or {@code pt-BR}. */
    public static boolean isLanguageTag(String value) {
        return value != null && value.length() <= 35 && LANGUAGE_TAG.matcher(value).matches();
    }
}
