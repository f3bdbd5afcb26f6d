package org.claimdesk.claim;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.claimdesk.account.Account;
import org.claimdesk.audit.AuditRevision;
import org.claimdesk.audit.ClaimTimeline;
import org.claimdesk.source.Source;
import org.claimdesk.verdict.SignOff;
import org.claimdesk.verdict.Verdict;
import org.hibernate.Hibernate;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;

/**
 * The claim page as it was right after one revision, read from history with Hibernate Envers
 * ({@link AuditReader}): the claim's fields and anchor, its sources, verdict revisions and
 * sign-off, and the discussion at that point. Read-only: it offers no forms.
 *
 * @param claim the claim's audited state
 * @param revision the revision id the page is "as of"
 * @param changedAt when that revision was committed (UTC)
 * @param person who made it (display name, or the system)
 * @param reason the reason recorded with it, or null
 * @param sources the claim's sources then, oldest first
 * @param verdicts the verdict revisions then, newest first
 * @param signOff the sign-off of the newest verdict then, or null
 * @param comments the discussion then, oldest first
 */
public record ClaimAsOf(Claim claim, long revision, Instant changedAt, String person, String reason, List<Source> sources,
        List<Verdict> verdicts, SignOff signOff, List<Comment> comments) {

    /**
     * Reads the claim page as of a revision.
     *
     * @return the page, or null when there is no such revision or the claim did not exist yet
     */
    public static ClaimAsOf at(EntityManager entityManager, long claimId, long revision) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        AuditRevision recorded = entityManager.find(AuditRevision.class, revision);
        if (recorded == null) {
            return null;
        }
        Claim claim = reader.find(Claim.class, claimId, revision);
        if (claim == null) {
            return null;
        }
        List<Source> sources = atRevision(reader, Source.class, revision, "claim", claimId);
        sources.sort(Comparator.comparing(source -> source.id));
        List<Verdict> verdicts = atRevision(reader, Verdict.class, revision, "claim", claimId);
        verdicts.sort(Comparator.comparing((Verdict verdict) -> verdict.number).reversed());
        List<SignOff> signOffs = verdicts.isEmpty() ? List.of()
                : atRevision(reader, SignOff.class, revision, "verdict", verdicts.get(0).id);
        List<Comment> comments = atRevision(reader, Comment.class, revision, "claim", claimId);
        comments.sort(Comparator.comparing(comment -> comment.id));
        Account account = recorded.accountId == null ? null : Account.findById(recorded.accountId);
        ClaimAsOf page = new ClaimAsOf(claim, revision, recorded.changedAt,
                account == null ? ClaimTimeline.SYSTEM : account.displayName, recorded.reason, sources, verdicts,
                signOffs.isEmpty() ? null : signOffs.get(0), comments);
        page.load();
        return page;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> atRevision(AuditReader reader, Class<T> type, long revision, String relation, Long relatedId) {
        return new java.util.ArrayList<>(reader.createQuery().forEntitiesAtRevision(type, revision)
                .add(AuditEntity.relatedId(relation).eq(relatedId)).getResultList());
    }

    /** Loads the relations the page shows while the session is open (templates render after it closes). */
    private void load() {
        Hibernate.initialize(claim.article);
        Hibernate.initialize(claim.revision);
        Hibernate.initialize(claim.createdBy);
        Hibernate.initialize(claim.assignee);
        Hibernate.initialize(claim.duplicateOf);
        for (Verdict verdict : verdicts) {
            Hibernate.initialize(verdict.level);
            Hibernate.initialize(verdict.author);
            Hibernate.initialize(verdict.sentBackBy);
        }
        if (signOff != null) {
            Hibernate.initialize(signOff.editor);
        }
        comments.forEach(comment -> Hibernate.initialize(comment.author));
        sources.forEach(source -> Hibernate.initialize(source.createdBy));
    }

    /** The newest verdict revision then, or null. */
    public Verdict currentVerdict() {
        return verdicts.isEmpty() ? null : verdicts.get(0);
    }

    /** Verdict revisions superseded by then, newest first. */
    public List<Verdict> earlierVerdicts() {
        return verdicts.size() <= 1 ? List.of() : verdicts.subList(1, verdicts.size());
    }

    /** Sources of one stance that were active then (for the shared source list). */
    public List<Source> activeSources(String stance) {
        return sources.stream().filter(s -> s.isActive() && s.stance.name().equals(stance)).toList();
    }

    /** Sources retracted by then. */
    public List<Source> retractedSources() {
        return sources.stream().filter(s -> !s.isActive()).toList();
    }
}
