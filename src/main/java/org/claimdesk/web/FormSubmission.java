package org.claimdesk.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One submitted create form, by its idempotency key, and where its result is. Written and read
 * only by {@link FormSubmissions}; not part of the desk's history.
 */
@Entity
@Table(name = "form_submission")
public class FormSubmission extends PanacheEntityBase {

    /** The random key the form was rendered with. */
    @Id
    @Column(name = "idempotency_key")
    public UUID idempotencyKey;

    /** Who submitted it. */
    @Column(name = "account_id", nullable = false)
    public Long accountId;

    /** Path of the page the submission redirected to, e.g. {@code /articles/51}. */
    @Column(name = "result_uri", length = 2000)
    public String resultUri;

    /** The flash message the submission showed; may be null. */
    @Column(length = 1000)
    public String message;

    /** When the key was first submitted (UTC). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
