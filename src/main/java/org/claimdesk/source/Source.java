package org.claimdesk.source;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A piece of evidence attached to a claim: a URL (http/https) or, for a phone call with an expert
 * or a printed document, a description. Sources are never deleted; a retracted source stays
 * visible as retracted, with who retracted it, when and why.
 */
@Entity
@Audited
public class Source extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "claim_id")
    public Claim claim;

    /** http(s) URL of the source; null for a described source. */
    public String url;

    /** What the source is when it has no URL (e.g. "Phone call with …"); may be null otherwise. */
    @Column(columnDefinition = "text")
    public String description;

    public String title;

    public String publisher;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceStance stance;

    /** The passage quoted from the source. */
    @Column(columnDefinition = "text")
    public String excerpt;

    @Column(columnDefinition = "text")
    public String note;

    /** When the reviewer consulted the source (UTC). */
    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    /** When the source was retracted (UTC); null while active. */
    @Column(name = "retracted_at")
    public Instant retractedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "retracted_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account retractedBy;

    @Column(name = "retraction_reason", columnDefinition = "text")
    public String retractionReason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /**
     * A new active source on a claim; call {@code persist()} to store it.
     *
     * @param fields checked fields (see {@link SourceForm#check()})
     */
    public static Source attachedTo(Claim claim, SourceFields fields, Account by) {
        Source source = new Source();
        source.claim = claim;
        source.url = fields.url();
        source.description = fields.description();
        source.title = fields.title();
        source.publisher = fields.publisher();
        source.kind = fields.kind();
        source.stance = fields.stance();
        source.excerpt = fields.excerpt();
        source.note = fields.note();
        source.accessedAt = fields.accessedAt();
        source.createdBy = by;
        source.createdAt = Instant.now();
        return source;
    }

    /**
     * Fills in the title a snapshot suggests, only when the source has none: what a reviewer
     * typed is never overwritten.
     *
     * @param suggestion the suggested title, not blank
     * @return false (and nothing changed) when the source already has a title
     */
    public boolean fillInTitle(String suggestion) {
        if (title != null && !title.isBlank()) {
            return false;
        }
        title = suggestion;
        return true;
    }

    /**
     * Fills in the publisher a snapshot suggests, only when the source has none.
     *
     * @param suggestion the suggested publisher, not blank
     * @return false (and nothing changed) when the source already has a publisher
     */
    public boolean fillInPublisher(String suggestion) {
        if (publisher != null && !publisher.isBlank()) {
            return false;
        }
        publisher = suggestion;
        return true;
    }

    /** True while the source is not retracted. */
    public boolean isActive() {
        return retractedAt == null;
    }

    /**
     * Retracts the source.
     *
     * @param reason why, required (not blank)
     * @throws IllegalStateException when the source is already retracted
     */
    public void retract(Account by, String reason) {
        if (!isActive()) {
            throw new IllegalStateException("The source is already retracted.");
        }
        retractedAt = Instant.now();
        retractedBy = by;
        retractionReason = reason;
    }

    /** Every source of a claim, active and retracted, oldest first, with creators loaded. */
    public static List<Source> findByClaim(Claim claim) {
        return find("select s from Source s join fetch s.createdBy left join fetch s.retractedBy"
                + " where s.claim = ?1 order by s.id", claim).list();
    }

    /** How many active (not retracted) sources a claim has. */
    public static long countActive(Claim claim) {
        return count("claim = ?1 and retractedAt is null", claim);
    }

    /**
     * A source with what its page shows (claim, article, creator, retractor) in one query.
     *
     * @return the source, or null when there is none with this id
     */
    public static Source findForPage(Long id) {
        return find("select s from Source s join fetch s.claim c join fetch c.article join fetch s.createdBy"
                + " left join fetch s.retractedBy where s.id = ?1", id).firstResult();
    }

    /** The active source of a claim with this URL, or null. */
    public static Source findActiveByUrl(Claim claim, String url) {
        return find("claim = ?1 and url = ?2 and retractedAt is null", claim, url).firstResult();
    }
}
