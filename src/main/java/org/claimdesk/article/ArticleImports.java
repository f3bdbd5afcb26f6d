package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import org.claimdesk.account.Account;

/**
 * Brings an article's text onto the desk: a new article, a new revision of the article with the
 * same URL, or a recognised duplicate that stores nothing.
 */
@ApplicationScoped
public class ArticleImports {

    /** What an import did. */
    public enum Outcome {
        /** A new article with its first revision. */
        CREATED,
        /** The article with this URL got a new revision with the changed text. */
        REVISED,
        /** The identical text is already stored; nothing was saved. */
        DUPLICATE
    }

    /**
     * An import's outcome and the article it concerns.
     *
     * @param reanchoring for REVISED, how many claims each re-anchoring outcome had; otherwise empty
     */
    public record Result(Outcome outcome, Article article, java.util.Map<String, Integer> reanchoring) {

        Result(Outcome outcome, Article article) {
            this(outcome, article, java.util.Map.of());
        }
    }

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<ArticleRevised> revised;

    /** Article metadata, already checked. */
    public record Metadata(String title, String outlet, String url, String byline, LocalDate publishedDate,
            String language) {
    }

    /**
     * Imports a text.
     *
     * @param metadata checked metadata; {@code url} may be null
     * @param text the article text in stored form (see {@link ArticleText#normalise(String)}), not empty
     * @param kind how the text arrived
     * @param importName uploaded file name or fetched URL; null for pasted text
     * @param by the importing account
     * @return what happened; a DUPLICATE result points at the article already holding the text
     */
    @Transactional
    public Result importText(Metadata metadata, String text, ImportKind kind, String importName, Account by) {
        Article holding = Article.findHoldingText(metadata.url(), ArticleText.sha256(text));
        if (holding != null) {
            return new Result(Outcome.DUPLICATE, holding);
        }
        Article existing = metadata.url() == null ? null : Article.findByUrl(metadata.url());
        if (existing != null) {
            Article locked = Article.findById(existing.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            ArticleRevision revision = locked.addRevision(text, kind, importName, by);
            ArticleRevised event = new ArticleRevised(locked, revision);
            revised.fire(event);
            return new Result(Outcome.REVISED, locked, event.outcomes());
        }
        Article article = new Article();
        article.title = metadata.title();
        article.outlet = metadata.outlet();
        article.url = metadata.url();
        article.byline = metadata.byline();
        article.publishedDate = metadata.publishedDate();
        article.language = metadata.language();
        article.createdBy = by;
        article.createdAt = Instant.now();
        article.persist();
        article.addRevision(text, kind, importName, by);
        return new Result(Outcome.CREATED, article);
    }
}
