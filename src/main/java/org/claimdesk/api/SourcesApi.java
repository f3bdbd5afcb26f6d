package org.claimdesk.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.source.SourceStance;
import org.claimdesk.web.FormValues;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Sources (evidence) in the JSON API: read one, attach one to a claim (reviewers). */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Sources")
public class SourcesApi {

    /** Longest accepted description, excerpt or note, in characters. */
    static final int MAX_TEXT = 20_000;

    @Inject
    CurrentAccount currentAccount;

    @Inject
    EntityManager entityManager;

    /**
     * A source.
     *
     * @param url http(s) URL, or null for a described source
     * @param kind PRIMARY_DOCUMENT, OFFICIAL_STATEMENT, DATASET, EXPERT, NEWS_REPORT or OTHER
     * @param stance SUPPORTS, REFUTES or CONTEXT
     * @param retractedAt when the source was retracted (UTC), or null while active
     */
    public record SourceJson(long id, long claim, String url, String description, String title, String publisher,
            String kind, String stance, String excerpt, String note, Instant accessedAt, Instant retractedAt,
            String retractionReason, Instant createdAt, long version) {

        static SourceJson of(Source source) {
            return new SourceJson(source.id, source.claim.id, source.url, source.description, source.title,
                    source.publisher, source.kind.name(), source.stance.name(), source.excerpt, source.note,
                    source.accessedAt, source.retractedAt, source.retractionReason, source.createdAt, source.version);
        }
    }

    /**
     * A new source on a claim: a {@code url} or, for evidence without one, a {@code description}.
     *
     * @param claim the claim id
     * @param kind see {@link SourceJson#kind()}
     * @param stance see {@link SourceJson#stance()}
     */
    public record NewSource(Long claim, String url, String description, String title, String publisher, String kind,
            String stance, String excerpt, String note) {
    }

    /** One source; 404 problem when there is none. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a source")
    public SourceJson get(@RestPath long id) {
        Source source = Source.findById(id);
        if (source == null) {
            throw new NotFoundException();
        }
        return SourceJson.of(source);
    }

    /**
     * Attaches a source to a claim (reviewers). 201 with the source; 400 problem with an
     * {@code errors} member per wrong field; 404 without the claim; 409 when the claim already has
     * an active source with this URL.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.REVIEWER_NAME)
    @Operation(summary = "Attach a source to a claim (reviewers)")
    public Response create(NewSource input) {
        Map<String, String> errors = problems(input);
        if (!errors.isEmpty()) {
            return Problem.invalid(errors, "/api/v1/sources").toResponse();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(input.claim(), LockModeType.PESSIMISTIC_WRITE);
            if (claim == null) {
                throw new NotFoundException();
            }
            String url = FormValues.trimmed(input.url());
            if (url != null && Source.findActiveByUrl(claim, url) != null) {
                return Problem.of(409, "This claim already has an active source with this URL.", "/api/v1/sources")
                        .toResponse();
            }
            Source source = new Source();
            source.claim = claim;
            source.url = url;
            source.description = FormValues.trimmed(input.description());
            source.title = FormValues.trimmed(input.title());
            source.publisher = FormValues.trimmed(input.publisher());
            source.kind = SourceKind.valueOf(input.kind().strip().toUpperCase(Locale.ROOT));
            source.stance = SourceStance.valueOf(input.stance().strip().toUpperCase(Locale.ROOT));
            source.excerpt = FormValues.trimmed(input.excerpt());
            source.note = FormValues.trimmed(input.note());
            source.accessedAt = Instant.now();
            source.createdBy = currentAccount.get();
            source.createdAt = source.accessedAt;
            source.persist();
            entityManager.flush();
            return Response.created(URI.create("/api/v1/sources/" + source.id)).entity(SourceJson.of(source)).build();
        });
    }

    private static Map<String, String> problems(NewSource input) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (input == null || input.claim() == null) {
            errors.put("claim", "Give the id of the claim the source is for.");
            return errors;
        }
        String url = FormValues.trimmed(input.url());
        if (url != null && (url.length() > 2000 || !FormValues.isHttpUrl(url))) {
            errors.put("url", "The URL must be a web address starting with http:// or https://.");
        }
        if (url == null && FormValues.trimmed(input.description()) == null) {
            errors.put("description", "Give a URL, or describe the source (e.g. a phone call with an expert).");
        }
        length(errors, "title", input.title(), 500);
        length(errors, "publisher", input.publisher(), 300);
        length(errors, "description", input.description(), MAX_TEXT);
        length(errors, "excerpt", input.excerpt(), MAX_TEXT);
        length(errors, "note", input.note(), MAX_TEXT);
        if (!isOneOf(input.kind(), SourceKind.values())) {
            errors.put("kind", "The kind must be one of PRIMARY_DOCUMENT, OFFICIAL_STATEMENT, DATASET, EXPERT, NEWS_REPORT, OTHER.");
        }
        if (!isOneOf(input.stance(), SourceStance.values())) {
            errors.put("stance", "The stance must be SUPPORTS, REFUTES or CONTEXT.");
        }
        return errors;
    }

    private static void length(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.put(field, "The " + field + " is longer than " + max + " characters.");
        }
    }

    private static boolean isOneOf(String value, Enum<?>[] values) {
        if (value == null) {
            return false;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (Enum<?> candidate : values) {
            if (candidate.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
