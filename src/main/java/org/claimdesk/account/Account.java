package org.claimdesk.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who has signed in to Claimdesk through OpenID Connect.
 *
 * <p>One row per OIDC subject ({@code sub} claim), created on first sign-in and refreshed when the
 * identity provider reports a new name or e-mail. Everything a person does on the desk (imports,
 * claims, verdicts, sign-offs, history) references this row. Roles are not stored here: they come
 * from the access token of each request.
 */
@Entity
public class Account extends PanacheEntity {

    /** The OIDC subject identifier; unique and never changes. */
    @Column(nullable = false, unique = true)
    public String subject;

    /** Short login name ({@code preferred_username}); used for {@code @mentions}. */
    @Column(nullable = false)
    public String username;

    /** Name shown on pages, e.g. "Alice Reviewer". */
    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** E-mail address from the identity provider; may be null. */
    public String email;

    /** When this account first signed in (UTC). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** Finds the account of an OIDC subject, or null when that subject never signed in. */
    public static Account findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** Finds an account by its login name, ignoring case; null when there is none. */
    public static Account findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(java.util.Locale.ROOT)).firstResult();
    }

    /**
     * Updates name and e-mail to what the identity provider reports now.
     *
     * @return true when anything changed
     */
    public boolean refreshProfile(String newUsername, String newDisplayName, String newEmail) {
        boolean changed = !Objects.equals(username, newUsername)
                || !Objects.equals(displayName, newDisplayName)
                || !Objects.equals(email, newEmail);
        username = newUsername;
        displayName = newDisplayName;
        email = newEmail;
        return changed;
    }
}
