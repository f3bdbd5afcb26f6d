package org.claimdesk.verdict;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/**
 * A level of one rating scale version: schema.org {@code ratingValue} (1 = worst, null for an
 * outcome outside the scale such as Misleading or Unverifiable) and {@code alternateName} (label).
 */
@Entity
@Table(name = "rating_level")
@Audited
public class RatingLevel extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scale_id")
    public RatingScale scale;

    /** Display order within the scale version, from 1. */
    @Column(nullable = false)
    public int position;

    /** schema.org ratingValue: 1 = worst … N = best; null for outcomes outside the scale. */
    @Column(name = "rating_value")
    public Integer ratingValue;

    /** schema.org alternateName, e.g. "Mostly false". */
    @Column(nullable = false, length = 100)
    public String label;

    @Column(length = 1000)
    public String description;

    /** Badge colour as {@code #rrggbb}. */
    @Column(nullable = false, length = 7)
    public String colour;

    /** True for outcomes outside the scale (no ratingValue), such as Unverifiable. */
    public boolean isOutsideScale() {
        return ratingValue == null;
    }

    /** True for the Unverifiable outcome, which may be proposed without an active source. */
    public boolean isUnverifiable() {
        return isOutsideScale() && label.equalsIgnoreCase("Unverifiable");
    }
}
