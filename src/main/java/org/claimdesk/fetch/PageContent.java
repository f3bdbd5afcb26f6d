package org.claimdesk.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.claimdesk.article.ArticleText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a fetched body says in words. For an HTML page: its main text (reduced with
 * {@link ArticleText#fromHtml(Document)}) and the title, publisher and publication date its
 * metadata suggests. For plain text: the normalised text. For anything else (PDF, images, data
 * files): nothing.
 *
 * @param text the main text in stored article form (see {@link ArticleText#normalise(String)}), or
 *        null when there is none
 * @param title from {@code og:title}, {@code citation_title}, {@code DC.title} or {@code <title>}
 *        (the first present), white space collapsed; or null
 * @param publisher from {@code og:site_name}, {@code citation_publisher},
 *        {@code citation_journal_title} or {@code DC.publisher}; or null
 * @param publishedDate from {@code article:published_time}, {@code citation_publication_date},
 *        {@code citation_date} or {@code DC.date} (their first ten characters as a date); or null
 */
public record PageContent(String text, String title, String publisher, LocalDate publishedDate) {

    /** No text and no metadata. */
    public static final PageContent NONE = new PageContent(null, null, null, null);

    private static final List<String> TITLE_KEYS = List.of("og:title", "citation_title", "dc.title");
    private static final List<String> PUBLISHER_KEYS = List.of("og:site_name", "citation_publisher",
            "citation_journal_title", "dc.publisher");
    private static final List<String> DATE_KEYS = List.of("article:published_time", "citation_publication_date",
            "citation_date", "dc.date");

    /**
     * Reads a fetch result's body.
     *
     * @return the content; {@link #NONE} for failed fetches and bodies that are neither HTML nor plain text
     */
    public static PageContent of(FetchResult result) {
        if (!result.isOk() || result.body() == null) {
            return NONE;
        }
        if (isHtml(result.mediaType(), result.body())) {
            return fromHtml(result.body(), supportedCharset(result.charsetName()), result.finalUrl());
        }
        if ("text/plain".equals(result.mediaType())) {
            Charset charset = supportedCharset(result.charsetName());
            String text = ArticleText.normalise(new String(result.body(), charset == null ? StandardCharsets.UTF_8 : charset));
            return new PageContent(text.isEmpty() ? null : text, null, null, null);
        }
        return NONE;
    }

    /**
     * True for an HTML media type ({@code text/html}, {@code application/xhtml+xml}), or, when the
     * server sent no media type, for a body that starts like an HTML document.
     */
    public static boolean isHtml(String mediaType, byte[] body) {
        if (mediaType != null) {
            return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
        }
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static PageContent fromHtml(byte[] body, Charset charset, String baseUrl) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(body), charset == null ? null : charset.name(),
                    baseUrl == null ? "" : baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = firstMeta(document, TITLE_KEYS);
        if (title == null) {
            title = cleaned(document.title());
        }
        String publisher = firstMeta(document, PUBLISHER_KEYS);
        LocalDate date = dateOf(firstMeta(document, DATE_KEYS));
        String text = ArticleText.fromHtml(document);
        return new PageContent(text.isEmpty() ? null : text, title, publisher, date);
    }

    /** The content of the first {@code <meta>} whose property or name is one of the keys, in key order. */
    private static String firstMeta(Document document, List<String> keys) {
        for (String key : keys) {
            for (Element meta : document.select("meta[content]")) {
                String property = meta.attr("property").toLowerCase(Locale.ROOT);
                String name = meta.attr("name").toLowerCase(Locale.ROOT);
                if (property.equals(key) || name.equals(key)) {
                    String value = cleaned(meta.attr("content"));
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.replaceAll("[\\s\\u00A0]+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static LocalDate dateOf(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10).replace('/', '-'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Charset supportedCharset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
