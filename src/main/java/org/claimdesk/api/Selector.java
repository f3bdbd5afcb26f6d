package org.claimdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.claimdesk.claim.TextAnchor;

/**
 * A W3C Web Annotation selector of a claim's words in an article revision: a
 * {@code TextQuoteSelector} ({@code exact}, {@code prefix}, {@code suffix}) or a
 * {@code TextPositionSelector} ({@code start} inclusive, {@code end} exclusive, in Unicode code
 * points of the revision text).
 *
 * @param type {@value #QUOTE} or {@value #POSITION}
 * @see <a href="https://www.w3.org/TR/annotation-model/#selectors">W3C Web Annotation Data Model, Selectors</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Selector(String type, String exact, String prefix, String suffix, Integer start, Integer end) {

    /** The type name of a quote selector. */
    public static final String QUOTE = "TextQuoteSelector";

    /** The type name of a position selector. */
    public static final String POSITION = "TextPositionSelector";

    /** The quote selector of an anchor. */
    public static Selector quoteOf(TextAnchor anchor) {
        return new Selector(QUOTE, anchor.exact(), anchor.prefix(), anchor.suffix(), null, null);
    }

    /** The position selector of an anchor. */
    public static Selector positionOf(TextAnchor anchor) {
        return new Selector(POSITION, null, null, null, anchor.start(), anchor.end());
    }

    /** True for a TextQuoteSelector. */
    public boolean isQuote() {
        return QUOTE.equals(type);
    }

    /** True for a TextPositionSelector. */
    public boolean isPosition() {
        return POSITION.equals(type);
    }
}
