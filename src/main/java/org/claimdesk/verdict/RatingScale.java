package org.claimdesk.verdict;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.claimdesk.account.Account;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One version of the desk's rating scale. Editing the scale makes a new version with new
 * {@link RatingLevel} rows; verdicts keep pointing at the level of the version they were given
 * under, so an old verdict never changes its label silently.
 */
@Entity
@Table(name = "rating_scale")
@Audited
public class RatingScale extends PanacheEntity {

    /** Version number: 1, 2, 3, … */
    @Column(nullable = false, unique = true)
    public int number;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The admin who made this version; null for the seeded default scale. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account createdBy;

    /** The scale version in force: the highest number. */
    public static RatingScale current() {
        return find("order by number desc").firstResult();
    }

    /**
     * The levels of the scale version in force, in order (scale levels first by ratingValue, then
     * outcomes), each with its scale: {@code current().levels()} in one SQL statement instead of two.
     *
     * @return the levels, empty only when no scale exists
     */
    public static List<RatingLevel> currentLevels() {
        return RatingLevel.list("select l from RatingLevel l join fetch l.scale s"
                + " where s.number = (select max(r.number) from RatingScale r) order by l.position");
    }

    /** The levels of this version, in order (scale levels first by ratingValue, then outcomes). */
    public List<RatingLevel> levels() {
        return RatingLevel.list("scale = ?1 order by position", this);
    }
}
