package org.claimdesk.search;

import io.quarkus.qute.RawString;

/**
 * Turns text marked by PostgreSQL's {@code ts_headline} into HTML that is safe to put in a page.
 *
 * <p>The database marks each match with {@link #START} and {@link #STOP}, two control characters
 * that never occur in stored text (the queries remove them from the text before marking it).
 * Everything else in the text is HTML-escaped first; only then do the markers become
 * {@code <mark>} and {@code </mark>}. So a quote such as {@code <script>} stays text.
 */
public final class Highlight {

    /** Marks the start of a match (U+0001). */
    public static final char START = '\u0001';

    /** Marks the end of a match (U+0002). */
    public static final char STOP = '\u0002';

    private Highlight() {
    }

    /**
     * The marked text as HTML.
     *
     * @param marked text with matches between {@link #START} and {@link #STOP}; null gives an empty string
     * @return escaped text with {@code <mark>…</mark>} around each match, for a Qute page without further escaping
     */
    public static RawString html(String marked) {
        if (marked == null) {
            return new RawString("");
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return new RawString(html.toString());
    }
}
