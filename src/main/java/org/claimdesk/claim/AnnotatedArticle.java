package org.claimdesk.claim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.List;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;

/**
 * What the article page shows: the current revision's text with claim highlights, the claims,
 * the ranked claim suggestions not yet taken, and every sentence (for "new claim from this
 * sentence" without JavaScript).
 *
 * @param revision the article's current revision
 * @param claims every claim of the article, in text order
 * @param paragraphs the text with highlights
 * @param suggestions check-worthy sentences no claim covers yet, best first (at most {@value #MAX_SUGGESTIONS})
 * @param sentences every body sentence, in text order
 */
public record AnnotatedArticle(ArticleRevision revision, List<Claim> claims, List<Highlights.Paragraph> paragraphs,
        List<CheckWorthiness.Suggestion> suggestions, List<CheckWorthiness.Suggestion> sentences) {

    /** Suggestions shown at most. */
    public static final int MAX_SUGGESTIONS = 8;

    /** Suggestions below this score are not offered. */
    public static final int MIN_SCORE = 20;

    /** Revision texts whose ranked suggestions are kept in memory, most recently used first. */
    static final int CACHED_REVISIONS = 256;

    /**
     * Ranked suggestions ({@link CheckWorthiness#suggest}) by the SHA-256 of the revision text they
     * were computed from. Revisions are immutable and the ranking depends on nothing but the text,
     * so an entry never goes stale and needs no invalidation, in one instance or many; keying by the
     * hash rather than the revision id keeps that true even if ids were ever reused. Bounded (least
     * recently used out, Caffeine), so memory stays small however many articles the desk has; two
     * views of the same new revision at once compute it once.
     */
    private static final Cache<String, List<CheckWorthiness.Suggestion>> RANKED = Caffeine.newBuilder()
            .maximumSize(CACHED_REVISIONS).build();

    /**
     * Builds the page model with one query for the claims (assignees and revisions fetched with them).
     */
    public static AnnotatedArticle of(Article article) {
        ArticleRevision revision = article.currentRevision;
        List<Claim> claims = Claim.findByArticle(article);
        List<Highlights.Span> spans = claims.stream().filter(claim -> claim.isAnchoredIn(revision))
                .map(claim -> new Highlights.Span(claim.id, claim.anchorStart, claim.anchorEnd)).toList();
        List<CheckWorthiness.Suggestion> ranked = ranked(revision);
        List<CheckWorthiness.Suggestion> open = ranked.stream()
                .filter(suggestion -> suggestion.score() >= MIN_SCORE && !coveredByAClaim(suggestion, spans))
                .limit(MAX_SUGGESTIONS).toList();
        List<CheckWorthiness.Suggestion> inOrder = ranked.stream()
                .sorted(Comparator.comparingInt(CheckWorthiness.Suggestion::start)).toList();
        return new AnnotatedArticle(revision, claims, Highlights.of(revision.text, spans), open, inOrder);
    }

    /**
     * The ranked suggestions of a revision's text, computed once per text (see {@link #RANKED}).
     *
     * @return the unmodifiable ranking, best first
     */
    static List<CheckWorthiness.Suggestion> ranked(ArticleRevision revision) {
        return RANKED.get(revision.sha256, hash -> List.copyOf(CheckWorthiness.suggest(revision.text)));
    }

    /** Claims whose anchor points into an older revision and found no place in this one. */
    public List<Claim> orphans() {
        return claims.stream().filter(claim -> claim.anchorState == AnchorState.ORPHANED).toList();
    }

    private static boolean coveredByAClaim(CheckWorthiness.Suggestion suggestion, List<Highlights.Span> spans) {
        int length = suggestion.end() - suggestion.start();
        return spans.stream().anyMatch(span -> {
            int overlap = Math.min(span.end(), suggestion.end()) - Math.max(span.start(), suggestion.start());
            return overlap * 2 >= length;
        });
    }
}
