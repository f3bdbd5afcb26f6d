package org.claimdesk.article;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.account.Account;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A news item under check: its metadata and its current text revision.
 *
 * <p>The text lives in immutable {@link ArticleRevision}s; importing a changed text for the same
 * article adds a revision and makes it current.
 */
@Entity
@Audited
public class Article extends PanacheEntity {

    /** Longest accepted title, in characters. */
    public static final int MAX_TITLE = 300;

    /** Longest accepted text, in characters (Java chars of the submitted text). */
    public static final int MAX_TEXT = 200_000;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    /** Publication that ran the article, e.g. "BBC News"; may be null. */
    public String outlet;

    /** Where the article was published (http or https); may be null. */
    public String url;

    public String byline;

    /** Date of publication as printed by the outlet; may be null. */
    @Column(name = "published_date")
    public LocalDate publishedDate;

    /** BCP 47 language tag of the text, e.g. "en" or "fr". */
    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArticleStatus status = ArticleStatus.NEW;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_revision_id")
    public ArticleRevision currentRevision;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account createdBy;

    /** When the article was first imported (UTC). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /**
     * Stores a text as this article's next revision and makes it current.
     *
     * @param normalisedText text already in stored form (see {@link ArticleText#normalise(String)})
     * @return the new, persisted revision
     */
    public ArticleRevision addRevision(String normalisedText, ImportKind kind, String importName, Account by) {
        ArticleRevision revision = new ArticleRevision();
        revision.article = this;
        revision.number = currentRevision == null ? 1 : currentRevision.number + 1;
        revision.text = normalisedText;
        revision.sha256 = ArticleText.sha256(normalisedText);
        revision.length = ArticleText.codePointLength(normalisedText);
        revision.importKind = kind;
        revision.importName = importName;
        revision.createdBy = by;
        revision.createdAt = Instant.now();
        revision.persist();
        currentRevision = revision;
        return revision;
    }

    /** A claim was added: a NEW article is now being checked. */
    public void claimAdded() {
        if (status == ArticleStatus.NEW) {
            status = ArticleStatus.IN_CHECK;
        }
    }

    /**
     * The article for its page: with its importer and current revision (text included) in one
     * query, so the page's claims need not carry the revision's text (see Claim.findByArticle).
     *
     * @return the article, or null when there is none with this id
     */
    public static Article findForPage(Long id) {
        return find("select a from Article a join fetch a.createdBy left join fetch a.currentRevision where a.id = ?1", id)
                .firstResult();
    }

    /**
     * Finds an article that already holds exactly this text as a revision: among articles with
     * the same URL when a URL is given, otherwise among all articles.
     *
     * @param url the article URL, or null
     * @param sha256 hex SHA-256 of the normalised text
     * @return the article, or null when the text is new
     */
    public static Article findHoldingText(String url, String sha256) {
        String withUrl = url == null ? "" : " and a.url = :url";
        Parameters parameters = Parameters.with("sha", sha256);
        if (url != null) {
            parameters = parameters.and("url", url);
        }
        return find("select a from ArticleRevision r join r.article a where r.sha256 = :sha" + withUrl
                + " order by a.id", parameters).firstResult();
    }

    /** The newest article with this URL, or null. */
    public static Article findByUrl(String url) {
        return find("url = ?1 order by createdAt desc", url).firstResult();
    }

    /**
     * One page of the article list, newest first, with the current revision and importer loaded.
     *
     * @param status only articles in this status, or null for all
     * @param query words that must occur in the title or outlet (case-insensitive), or null
     * @param page zero-based page of {@code size} rows
     */
    public static List<Article> findForList(ArticleStatus status, String query, int page, int size) {
        StringBuilder hql = new StringBuilder("select a from Article a join fetch a.createdBy where 1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            hql.append(" and a.status = :status");
            parameters = parameters.and("status", status);
        }
        if (query != null && !query.isBlank()) {
            hql.append(" and (lower(a.title) like :q escape '\\' or lower(coalesce(a.outlet, '')) like :q escape '\\')");
            parameters = parameters.and("q", "%" + likeEscape(query.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        hql.append(" order by a.createdAt desc, a.id desc");
        return find(hql.toString(), parameters).page(Page.of(page, size)).list();
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
