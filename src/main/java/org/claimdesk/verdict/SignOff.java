package org.claimdesk.verdict;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.claimdesk.account.Account;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * An editor's approval of one exact verdict revision, recording the claim version and the set of
 * active sources the editor saw. At most one per verdict (a unique constraint enforces it).
 */
@Entity
@Table(name = "sign_off")
@Audited
public class SignOff extends PanacheEntity {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "verdict_id", unique = true)
    public Verdict verdict;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "editor_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account editor;

    /** When the sign-off was given (UTC). */
    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    /** The claim's {@code @Version} the editor signed against. */
    @Column(name = "claim_version", nullable = false)
    public long claimVersion;

    /** The active sources the editor saw, as {@code id:version} pairs (see {@link SourceSet}). */
    @Column(name = "source_set", nullable = false, columnDefinition = "text")
    public String sourceSet;
}
