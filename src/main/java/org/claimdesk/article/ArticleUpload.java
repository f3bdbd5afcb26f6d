package org.claimdesk.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An uploaded article file ({@code .txt}, {@code .md} or {@code .html}/{@code .htm}) read into
 * stored article text.
 *
 * <p>Files must be valid UTF-8, except HTML pages that declare another charset in a
 * {@code <meta charset>} or {@code http-equiv} tag, which are decoded with that charset.
 *
 * @param text the normalised article text (see {@link ArticleText#normalise(String)})
 * @param suggestedTitle the page title of an HTML file or the first line of other files; may be null
 */
public record ArticleUpload(String text, String suggestedTitle) {

    /** Largest accepted upload, in bytes (2 MiB). */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /** The kinds of file an article can be uploaded as. */
    enum Format { TEXT, MARKDOWN, HTML }

    /**
     * Reads an uploaded file.
     *
     * @param fileName the name the browser sent, used for its extension
     * @param bytes the file content
     * @return the article text and a title suggestion
     * @throws ImportException with a message for the {@code file} field when the file is too large,
     *         of another type, not decodable, or has no text
     */
    public static ArticleUpload read(String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ImportException("file", "The file is larger than 2 MB. Upload the article text only.", 413);
        }
        Format format = formatOf(fileName);
        String content = decode(bytes, format);
        String text = switch (format) {
            case HTML -> ArticleText.fromHtml(content);
            case MARKDOWN -> ArticleText.fromMarkdown(content);
            case TEXT -> ArticleText.normalise(content);
        };
        if (text.isEmpty()) {
            throw new ImportException("file", "The file contains no article text.", 400);
        }
        if (text.length() > Article.MAX_TEXT) {
            throw new ImportException("file", "The file's text is longer than 200,000 characters, the same limit as for pasted"
                    + " text. Import one article at a time.", 413);
        }
        String title = format == Format.HTML ? ArticleText.htmlTitle(content) : text.lines().findFirst().orElse(null);
        return new ArticleUpload(text, title);
    }

    static Format formatOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Format.TEXT;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Format.MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        throw new ImportException("file",
                "Only .txt, .md and .html files can be imported; \"" + fileName + "\" is another type.", 400);
    }

    private static String decode(byte[] bytes, Format format) {
        try {
            return strict(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException notUtf8) {
            Charset declared = format == Format.HTML ? declaredCharset(bytes) : null;
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                try {
                    return strict(declared, bytes);
                } catch (CharacterCodingException e) {
                    // falls through to the message below
                }
            }
            throw new ImportException("file", "The file is not valid UTF-8 text"
                    + (declared != null ? " nor valid " + declared.name() : "")
                    + ". Save it as UTF-8 and upload it again.", 400);
        }
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        if (!matcher.find()) {
            return null;
        }
        try {
            return Charset.forName(matcher.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
