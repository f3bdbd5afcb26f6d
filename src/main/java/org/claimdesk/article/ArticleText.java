package org.claimdesk.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The stored form of an article's text, and the conversions that produce it.
 *
 * <p>Stored text is Unicode NFC, uses {@code \n} line ends, has one paragraph per line, no blank
 * lines and no leading or trailing white space on any line. Claim anchors count offsets in Unicode
 * code points of exactly this text, so it must never change once stored: a changed text is a new
 * article revision.
 */
public final class ArticleText {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\u2028|\\u2029|\\u0085");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");

    /** Block-level HTML elements whose text becomes a paragraph of its own. */
    private static final java.util.Set<String> BLOCKS = java.util.Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "section",
            "article", "main", "figcaption", "dd", "dt", "td", "th", "tr", "table", "ul", "ol", "dl",
            "figure", "address", "br", "hr", "header", "footer");

    /** Elements that never hold article text: scripts, navigation, page chrome, forms. */
    private static final String NOT_TEXT = "script, style, noscript, template, nav, header, footer, aside, "
            + "form, button, iframe, svg, canvas, object, embed, menu, dialog, [hidden], [aria-hidden=true]";

    private ArticleText() {
    }

    /**
     * Normalises plain text to the stored form: NFC, {@code \n} line ends, horizontal white space
     * runs kept as they are inside lines but trimmed at both ends, blank lines removed, a byte
     * order mark and NUL characters dropped.
     *
     * @param text any text; null is treated as empty
     * @return the normalised text, possibly empty, never null
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = LINE_BREAK.matcher(text.replace("\uFEFF", "").replace("\u0000", "")).replaceAll("\n");
        String nfc = Normalizer.normalize(unified, Normalizer.Form.NFC);
        List<String> lines = new ArrayList<>();
        for (String line : nfc.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Reduces an HTML page to its article text: scripts, styles, navigation and other page chrome
     * are dropped, the {@code <article>} or {@code <main>} element is preferred when present, and
     * each block element (paragraph, heading, list item, quote) becomes one line.
     *
     * @param html an HTML document or fragment
     * @return the normalised article text (see {@link #normalise(String)})
     */
    public static String fromHtml(String html) {
        return fromHtml(Jsoup.parse(html));
    }

    /**
     * Reduces a parsed HTML page to its article text, as {@link #fromHtml(String)} does.
     *
     * @param document the parsed page; it is changed (page chrome removed), so pass a copy to keep it
     * @return the normalised article text
     */
    public static String fromHtml(Document document) {
        document.select(NOT_TEXT).remove();
        Element root = document.selectFirst("article");
        if (root == null) {
            root = document.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = document.body();
        }
        StringBuilder out = new StringBuilder();
        appendText(root, out);
        return normalise(out.toString());
    }

    /** The document title of an HTML page ({@code <title>} or the first {@code <h1>}), or null. */
    public static String htmlTitle(String html) {
        Document document = Jsoup.parse(html);
        String title = document.title().strip();
        if (title.isEmpty()) {
            Element h1 = document.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        return title.isEmpty() ? null : title;
    }

    /**
     * Reduces Markdown to article text: paragraphs (separated by blank lines) become one line each,
     * heading marks, block quote marks, list bullets, emphasis marks and link targets are dropped.
     *
     * @param markdown Markdown source
     * @return the normalised article text
     */
    public static String fromMarkdown(String markdown) {
        String unified = LINE_BREAK.matcher(markdown).replaceAll("\n");
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : unified.split("\n", -1)) {
            String line = raw.strip();
            boolean heading = line.startsWith("#");
            if (line.isEmpty() || heading || line.matches("([-*_]\\s*){3,}")) {
                flush(paragraph, out);
                if (heading) {
                    out.append(line.replaceFirst("^#+\\s*", "").replaceFirst("\\s*#+$", "")).append('\n');
                }
                continue;
            }
            line = line.replaceFirst("^>\\s?", "").replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line);
        }
        flush(paragraph, out);
        String text = out.toString()
                .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                .replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "$1")
                .replaceAll("`([^`]*)`", "$1");
        return normalise(text);
    }

    /** Lowercase hexadecimal SHA-256 of the text's UTF-8 bytes (64 characters). */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Length of the text in Unicode code points (the unit of claim anchors). */
    public static int codePointLength(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The paragraphs (lines) of a stored text. */
    public static List<String> paragraphs(String storedText) {
        return storedText.isEmpty() ? List.of() : List.of(storedText.split("\n"));
    }

    private static void flush(StringBuilder paragraph, StringBuilder out) {
        if (paragraph.length() > 0) {
            out.append(paragraph).append('\n');
            paragraph.setLength(0);
        }
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(HORIZONTAL_SPACE.matcher(text.getWholeText().replace('\n', ' ')).replaceAll(" "));
            } else if (child instanceof Element element) {
                boolean block = BLOCKS.contains(element.normalName());
                if (block) {
                    out.append('\n');
                }
                appendText(element, out);
                if (block) {
                    out.append('\n');
                }
            }
        }
    }
}
