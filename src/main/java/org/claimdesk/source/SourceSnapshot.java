package org.claimdesk.source;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.PageContent;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * What a source's URL answered when the server fetched it, so that link rot loses nothing: final
 * URL after redirects, HTTP status, content type, when (UTC), SHA-256 and size of the body, and for
 * HTML pages the main text and the title and publisher the page suggests. One row per fetch; rows
 * are never deleted, so "fetch again" and the link check keep every earlier snapshot.
 *
 * <p>Created {@link SnapshotState#PENDING} in the transaction that asks for it, then completed once
 * by the background fetch ({@link #complete}).
 */
@Entity
@Audited
@Table(name = "source_snapshot")
public class SourceSnapshot extends PanacheEntity {

    /** Longest suggested title kept, in characters (the source's title column). */
    public static final int MAX_TITLE = 500;
    /** Longest suggested publisher kept, in characters (the source's publisher column). */
    public static final int MAX_PUBLISHER = 300;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SnapshotCause cause;

    /** When the snapshot was asked for (UTC). */
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** Who asked for it; null for the scheduled link check. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requested_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account requestedBy;

    /** The URL asked for (the source's URL at the time). */
    @Column(nullable = false)
    public String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SnapshotState state;

    /** For FAILED snapshots, what went wrong in a few words ("timed out", "404", …); null otherwise. */
    public String failure;

    /** The last URL requested, after redirects; null while PENDING. */
    @Column(name = "final_url", columnDefinition = "text")
    public String finalUrl;

    /** The final HTTP status; null while PENDING or when no answer came. */
    @Column(name = "http_status")
    public Integer httpStatus;

    /** The final Content-Type header, or null. */
    @Column(name = "content_type")
    public String contentType;

    /** When the answer or the failure came (UTC); null while PENDING. */
    @Column(name = "fetched_at")
    public Instant fetchedAt;

    /** Lowercase hexadecimal SHA-256 of the body bytes, for OK snapshots; otherwise null. */
    public String sha256;

    /** Size of the body in bytes, for OK snapshots; otherwise null. */
    @Column(name = "size_bytes")
    public Long sizeBytes;

    /**
     * The page's main text (HTML and plain text bodies), in stored article text form; null for other
     * bodies and failures. Loaded only when read, so lists of snapshots stay small.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "text")
    public String text;

    /** The title the page's metadata suggests (og:title, citation_title, DC.title, title), or null. */
    @Column(name = "suggested_title")
    public String suggestedTitle;

    /** The publisher the page's metadata suggests (og:site_name, citation_publisher, …), or null. */
    @Column(name = "suggested_publisher")
    public String suggestedPublisher;

    /** How this snapshot compares with the source's previous OK snapshot; null when there is none. */
    @Enumerated(EnumType.STRING)
    public SnapshotChange change;

    @Version
    public long version;

    /**
     * A new PENDING snapshot of a source's URL; call {@code persist()} to store it.
     *
     * @param by who asks for it; null for the scheduled link check
     * @throws IllegalStateException when the source has no URL or is retracted
     */
    public static SourceSnapshot pending(Source source, SnapshotCause cause, Account by) {
        if (source.url == null) {
            throw new IllegalStateException("A source without a URL has nothing to fetch.");
        }
        if (!source.isActive()) {
            throw new IllegalStateException("A retracted source is not fetched any more.");
        }
        SourceSnapshot snapshot = new SourceSnapshot();
        snapshot.source = source;
        snapshot.cause = cause;
        snapshot.requestedAt = Instant.now();
        snapshot.requestedBy = by;
        snapshot.url = source.url;
        snapshot.state = SnapshotState.PENDING;
        return snapshot;
    }

    /** True while the background fetch has not finished. */
    public boolean isPending() {
        return state == SnapshotState.PENDING;
    }

    /** True when the change is one the desk flags (CHANGED or GONE). */
    public boolean isFlagged() {
        return change != null && change.isFlagged();
    }

    /**
     * Records the fetch's answer.
     *
     * @param result what the fetch gave
     * @param content what its body says (see {@link PageContent#of(FetchResult)})
     * @param previousOk the source's latest OK snapshot before this one, or null; decides {@link #change}
     * @throws IllegalStateException when the snapshot is not PENDING any more
     */
    public void complete(FetchResult result, PageContent content, SourceSnapshot previousOk) {
        if (!isPending()) {
            throw new IllegalStateException("Snapshot " + id + " is already " + state + ".");
        }
        state = result.isOk() ? SnapshotState.OK : SnapshotState.FAILED;
        failure = result.isOk() ? null : result.failure();
        finalUrl = result.finalUrl();
        httpStatus = result.status();
        contentType = result.contentType();
        fetchedAt = result.fetchedAt();
        sha256 = result.sha256();
        sizeBytes = result.size();
        text = content.text();
        suggestedTitle = shortened(content.title(), MAX_TITLE);
        suggestedPublisher = shortened(content.publisher(), MAX_PUBLISHER);
        change = previousOk == null ? null : compare(result, previousOk);
    }

    /**
     * Marks a PENDING snapshot FAILED without a fetch, e.g. when the background task broke.
     *
     * @param reason the failure text
     */
    public void fail(String reason) {
        if (isPending()) {
            state = SnapshotState.FAILED;
            failure = reason;
            fetchedAt = Instant.now();
            text = null;
        }
    }

    private SnapshotChange compare(FetchResult result, SourceSnapshot previousOk) {
        if (!result.isOk()) {
            return result.outcome().isGone() ? SnapshotChange.GONE : null;
        }
        boolean same = text != null && previousOk.text != null
                ? text.equals(previousOk.text)
                : Objects.equals(sha256, previousOk.sha256);
        return same ? SnapshotChange.UNCHANGED : SnapshotChange.CHANGED;
    }

    private static String shortened(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Every snapshot of a source, newest first, with who asked for it (texts not loaded). */
    public static List<SourceSnapshot> findBySource(Source source) {
        return list("from SourceSnapshot n left join fetch n.requestedBy where n.source = ?1"
                + " order by n.requestedAt desc, n.id desc", source);
    }

    /** The newest snapshot of each source of a claim, in one query (texts not loaded). */
    public static List<SourceSnapshot> findLatestByClaim(Claim claim) {
        return list("from SourceSnapshot n where n.source.claim = ?1 and " + IS_LATEST, claim);
    }

    /** The newest snapshot of a source, or null when it has none. */
    public static SourceSnapshot findLatest(Source source) {
        return find("source = ?1 order by requestedAt desc, id desc", source).firstResult();
    }

    /** The source's newest OK snapshot requested before the given one, or null. */
    public static SourceSnapshot findPreviousOk(SourceSnapshot snapshot) {
        return find("source = ?1 and state = ?2 and id != ?3 and requestedAt <= ?4 order by requestedAt desc, id desc",
                snapshot.source, SnapshotState.OK, snapshot.id, snapshot.requestedAt).firstResult();
    }

    /**
     * Active sources whose newest snapshot is CHANGED or GONE, newest first, with source and claim
     * loaded (one query).
     *
     * @param limit most rows returned
     */
    public static List<SourceSnapshot> findFlagged(int limit) {
        return find("select n from SourceSnapshot n join fetch n.source s join fetch s.claim"
                + " where n.change in ?1 and s.retractedAt is null and " + IS_LATEST + " order by n.fetchedAt desc, n.id desc",
                List.of(SnapshotChange.CHANGED, SnapshotChange.GONE)).page(0, limit).list();
    }

    /** Ids of the snapshots still PENDING, oldest first. */
    public static List<Long> findPendingIds() {
        return getEntityManager().createQuery("select n.id from SourceSnapshot n where n.state = ?1"
                + " order by n.requestedAt, n.id", Long.class).setParameter(1, SnapshotState.PENDING).getResultList();
    }

    /**
     * Ids of the active sources with a URL that have no snapshot requested at or after the given
     * instant and none PENDING: those the link check fetches again.
     */
    public static List<Long> findSourceIdsDueBefore(Instant requestedBefore) {
        return getEntityManager().createQuery("select s.id from Source s where s.url is not null"
                + " and s.retractedAt is null and not exists (select 1 from SourceSnapshot n where n.source = s"
                + " and (n.requestedAt >= ?1 or n.state = ?2)) order by s.id", Long.class)
                .setParameter(1, requestedBefore).setParameter(2, SnapshotState.PENDING).getResultList();
    }

    /** HQL condition: snapshot {@code n} is the newest of its source. */
    private static final String IS_LATEST = "not exists (select 1 from SourceSnapshot later where later.source = n.source"
            + " and (later.requestedAt > n.requestedAt or (later.requestedAt = n.requestedAt and later.id > n.id)))";
}
