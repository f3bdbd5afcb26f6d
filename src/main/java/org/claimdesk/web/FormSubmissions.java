package org.claimdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.claimdesk.account.Account;

/**
 * Makes create forms safe to submit twice. A form includes {@code {#idempotencyKey/}}, which renders
 * a hidden field with a fresh random key; the create action passes the submitted key and its work
 * to {@link #once}. The first submission of a key does the work and remembers where it led; any
 * later submission of the same key (a double click, a resend after a timeout) does nothing and is
 * sent to the same result. Two submissions arriving at the same moment are serialised by the
 * key's primary key in PostgreSQL: the second waits for the first to commit.
 */
@ApplicationScoped
public class FormSubmissions {

    /** Name of the hidden form field that carries the key. */
    public static final String FIELD = "idempotency-key";

    /**
     * Where a create action sends the browser, and the message it shows there.
     *
     * @param location the result page, e.g. {@code /articles/51}
     * @param message flash message for that page; may be null
     */
    public record Outcome(URI location, String message) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Runs a create action once per idempotency key, in one transaction with the key's record.
     *
     * @param key the submitted key (a UUID); null or blank runs the action unprotected, for clients
     *        that do not send one
     * @param by the signed-in account submitting the form
     * @param create the action; it runs in this method's transaction and its failure rolls the key
     *        back, so the form can be sent again
     * @return the action's outcome, or the first submission's outcome when the key was used before
     * @throws BadRequestException when the key is not a UUID, or was used by someone else
     */
    @Transactional
    public Outcome once(String key, Account by, Supplier<Outcome> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        UUID id = parse(key);
        int claimed = entityManager.createNativeQuery("""
                insert into form_submission (idempotency_key, account_id, created_at) values (?1, ?2, ?3)
                on conflict (idempotency_key) do nothing""")
                .setParameter(1, id).setParameter(2, by.id).setParameter(3, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            return earlierOutcome(id, by);
        }
        Outcome outcome = create.get();
        FormSubmission submission = FormSubmission.findById(id);
        submission.resultUri = outcome.location().toString();
        submission.message = outcome.message();
        return outcome;
    }

    private static Outcome earlierOutcome(UUID id, Account by) {
        FormSubmission earlier = FormSubmission.findById(id);
        if (earlier == null || !Objects.equals(earlier.accountId, by.id) || earlier.resultUri == null) {
            throw new BadRequestException("Idempotency key " + id + " belongs to another submission");
        }
        return new Outcome(URI.create(earlier.resultUri), earlier.message);
    }

    private static UUID parse(String key) {
        try {
            return UUID.fromString(key.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed idempotency key");
        }
    }
}
