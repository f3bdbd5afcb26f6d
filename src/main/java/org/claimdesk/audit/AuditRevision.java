package org.claimdesk.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One recorded change on the desk (a Hibernate Envers revision): who made it, when (UTC), in which
 * request, and the reason when the action has one (send back, dismiss, retract, correction note).
 * Every {@code <table>_aud} history row points to one of these.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
    @SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 50)
    @RevisionNumber
    public Long id;

    /** When the change was committed (UTC). */
    @RevisionTimestamp
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The account that made the change; null for changes made by the system itself. */
    @Column(name = "account_id")
    public Long accountId;

    /** Correlates the revisions of one HTTP request. */
    @Column(name = "request_id")
    public String requestId;

    /** Why the change was made, when the action asks for a reason; otherwise null. */
    public String reason;
}
