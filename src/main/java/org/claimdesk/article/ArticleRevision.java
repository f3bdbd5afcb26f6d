package org.claimdesk.article;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.claimdesk.account.Account;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One immutable text of an article. Claims anchor into a revision's text by Unicode code point
 * offsets, so the text never changes after it is stored; a changed text is a new revision with
 * the next number.
 */
@Entity
@Table(name = "article_revision")
@Audited
public class ArticleRevision extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    /** 1 for the first import, then 2, 3, … */
    @Column(nullable = false)
    public int number;

    /** The stored text (see {@link ArticleText}): NFC, {@code \n} line ends, one paragraph per line. */
    @Column(nullable = false, columnDefinition = "text")
    public String text;

    /** Lowercase hex SHA-256 of the text's UTF-8 bytes. */
    @Column(nullable = false, length = 64)
    public String sha256;

    /** Length of the text in Unicode code points. */
    @Column(nullable = false)
    public int length;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_kind", nullable = false)
    public ImportKind importKind;

    /** The uploaded file's name or the fetched URL; null for pasted text. */
    @Column(name = "import_name")
    public String importName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    public Account createdBy;

    /** When the revision was stored (UTC). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The paragraphs of the text, one per line. */
    public java.util.List<String> paragraphs() {
        return ArticleText.paragraphs(text);
    }
}
