package org.claimdesk.article;

import java.time.LocalDate;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.Fetcher;
import org.claimdesk.fetch.PageContent;

/**
 * An article fetched from its URL for import, with the same fetcher (and limits) as source
 * snapshots. HTML is reduced to its article text with {@link ArticleText#fromHtml}; plain text is
 * normalised.
 *
 * @param text the normalised article text, not empty, at most {@link Article#MAX_TEXT} characters
 * @param finalUrl the URL the text came from, after redirects
 * @param suggestedTitle the page's title from its metadata, or null
 * @param suggestedOutlet the page's site name or publisher, or null
 * @param suggestedDate the page's publication date, or null
 */
public record ArticlePage(String text, String finalUrl, String suggestedTitle, String suggestedOutlet,
        LocalDate suggestedDate) {

    /**
     * Fetches an article page.
     *
     * @param url an http(s) URL, already checked
     * @return the page's text and metadata
     * @throws ImportException for the {@code url} field: the fetch failed ("timed out", "404", "refused:
     *         private address", …), the page is neither HTML nor plain text, or has no text (400); the
     *         text is longer than 200,000 characters (413)
     */
    public static ArticlePage fetch(Fetcher fetcher, String url) {
        FetchResult result = fetcher.fetch(url);
        if (!result.isOk()) {
            throw new ImportException("url", "The article could not be fetched from this URL: " + result.failure() + ".", 400);
        }
        boolean readable = PageContent.isHtml(result.mediaType(), result.body()) || "text/plain".equals(result.mediaType());
        if (!readable) {
            throw new ImportException("url", "The URL gives " + (result.mediaType() == null ? "content of unknown type"
                    : result.mediaType()) + ", not a web page. Download the document and paste its text instead.", 400);
        }
        PageContent content = PageContent.of(result);
        if (content.text() == null) {
            throw new ImportException("url", "The page at this URL has no article text.", 400);
        }
        if (content.text().length() > Article.MAX_TEXT) {
            throw new ImportException("url", "The page's text is longer than 200,000 characters. Import one article at a time.", 413);
        }
        return new ArticlePage(content.text(), result.finalUrl(), content.title(), content.publisher(), content.publishedDate());
    }
}
