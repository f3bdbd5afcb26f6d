package org.claimdesk.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks for the query parameters of GET pages (list filters, paging, the new-claim link). A page
 * with a parameter it cannot use answers 400 and names the parameter, what it must be, and what
 * the link had, in one wording for every page: {@code status must be one of NEW, IN_CHECK, CHECKED
 * (the link has "BOGUS").} Blank values mean "not given". Each method records its message under
 * the parameter's name and returns null, so a page can show every problem at once. Form fields
 * that hold a number a person types (a claim number) are checked the same way
 * ({@link #formWholeLong}).
 */
public final class QueryParameters {

    /** Longest part of a refused value repeated in a message, in characters. */
    static final int QUOTED_MAX = 40;

    private static final String LINK = "the link has";
    private static final String FORM = "the form had";

    private QueryParameters() {
    }

    /**
     * The enum constant a parameter names (ignoring case and surrounding space).
     *
     * @param name the parameter, e.g. {@code status}
     * @param value the value as sent; null or blank for none
     * @param type the enum
     * @param problems where a refusal is recorded, by parameter name
     * @return the constant, or null when the value is blank or names none (then a message is recorded)
     */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, Map<String, String> problems) {
        String trimmed = FormValues.trimmed(value);
        if (trimmed == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(trimmed)) {
                return constant;
            }
        }
        problems.put(name, name + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + " " + had(value, LINK) + ".");
        return null;
    }

    /**
     * A whole number between {@code min} and {@code max} (both included).
     *
     * @param name the parameter, e.g. {@code start}
     * @param value the value as sent; null or blank for none
     * @param problems where a refusal is recorded, by parameter name
     * @return the number, or null when the value is blank, not a whole number, or out of range
     *     (then a message is recorded)
     */
    public static Integer whole(String name, String value, int min, int max, Map<String, String> problems) {
        Long number = wholeLong(name, value, min, max, problems);
        return number == null ? null : number.intValue();
    }

    /**
     * A whole number between {@code min} and {@code max} (both included), e.g. a record's number.
     *
     * @return the number, or null when the value is blank, not a whole number, or out of range
     *     (then a message is recorded)
     * @see #whole(String, String, int, int, Map)
     */
    public static Long wholeLong(String name, String value, long min, long max, Map<String, String> problems) {
        return wholeLong(name, value, min, max, problems, LINK);
    }

    /**
     * A whole number typed into a form field (e.g. a claim number), checked as
     * {@link #wholeLong} checks a link's, in the same wording but saying what the form had:
     * {@code duplicateOfId must be a whole number from 1 to … (the form had "abc").}
     *
     * @return the number, or null when the value is blank, not a whole number, or out of range
     *     (then a message is recorded)
     */
    public static Long formWholeLong(String name, String value, long min, long max, Map<String, String> problems) {
        return wholeLong(name, value, min, max, problems, FORM);
    }

    /**
     * Records that a link's parameter is not what it must be, for values checked elsewhere (such
     * as a page position): {@code after must be EXPECTED (the link has "abc").}
     *
     * @param expected what the value must be, e.g. {@code the position from a "Next page" link}
     * @param value the value as sent, not blank
     */
    public static void refuse(String name, String value, String expected, Map<String, String> problems) {
        problems.put(name, name + " must be " + expected + " " + had(value, LINK) + ".");
    }

    private static Long wholeLong(String name, String value, long min, long max, Map<String, String> problems,
            String where) {
        String trimmed = FormValues.trimmed(value);
        if (trimmed == null) {
            return null;
        }
        try {
            long number = Long.parseLong(trimmed);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(name, name + " must be a whole number from " + min + " to " + max + " " + had(value, where) + ".");
        return null;
    }

    /** The problems as one sentence per parameter, for a page that shows them together. */
    public static String summary(Map<String, String> problems) {
        return String.join(" ", problems.values());
    }

    /**
     * {@code (the link has "abc")} or {@code (the form had "abc")}, with a long value shortened and
     * control characters shown as spaces.
     */
    private static String had(String value, String where) {
        StringBuilder shown = new StringBuilder();
        value.strip().codePoints().limit(QUOTED_MAX).forEach(cp -> shown.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        boolean cut = value.strip().codePointCount(0, value.strip().length()) > QUOTED_MAX;
        return "(" + where + " \"" + shown + (cut ? "…" : "") + "\")";
    }
}
