package org.claimdesk.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.source.Source;
import org.claimdesk.verdict.SignOff;
import org.claimdesk.verdict.SourceSet;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.verdict.VerdictState;
import org.claimdesk.verdict.VerdictWorkflow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Verdicts in the JSON API: read one; sign one off (editors only, four-eyes rule, on the exact
 * state the editor saw, as on the claim page).
 */
@Path("/api/v1/verdicts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Verdicts")
public class VerdictsApi {

    @Inject
    CurrentAccount currentAccount;

    @Inject
    VerdictWorkflow workflow;

    /**
     * A verdict revision.
     *
     * @param state PROPOSED, SIGNED_OFF, SENT_BACK or SUPERSEDED
     * @param rating the rating: label (schema.org {@code alternateName}) and ratingValue (null for
     *     outcomes outside the scale)
     * @param author username of who proposed it
     * @param signOff the editor's sign-off, or null
     * @param signOffRequest for a verdict awaiting sign-off (single reads only): the body that signs
     *     off exactly what is shown now; null otherwise
     */
    public record VerdictJson(long id, long claim, int number, String state, Rating rating, String ratingExplanation,
            String claimReviewed, String correctionNote, String author, Instant createdAt, SignOffJson signOff,
            SignOffRequest signOffRequest) {

        /** Verdicts of one claim with their sign-offs, in two SQL statements. */
        static List<VerdictJson> all(List<Verdict> verdicts) {
            if (verdicts.isEmpty()) {
                return List.of();
            }
            Map<Long, SignOff> signOffs = SignOff.<SignOff>find("select s from SignOff s join fetch s.editor where s.verdict in ?1",
                    verdicts).stream().collect(Collectors.toMap(s -> s.verdict.id, Function.identity()));
            return verdicts.stream().map(v -> of(v, signOffs.get(v.id), null)).toList();
        }

        static VerdictJson of(Verdict verdict, SignOff signOff, SignOffRequest request) {
            return new VerdictJson(verdict.id, verdict.claim.id, verdict.number, verdict.state.name(),
                    new Rating(verdict.level.label, verdict.level.ratingValue), verdict.ratingExplanation,
                    verdict.claimReviewed, verdict.correctionNote, verdict.author.username, verdict.createdAt,
                    signOff == null ? null : new SignOffJson(signOff.editor.username, signOff.signedAt), request);
        }
    }

    /** A rating: schema.org {@code alternateName} and {@code ratingValue} (null outside the scale). */
    public record Rating(String label, Integer ratingValue) {
    }

    /** An editor's sign-off: who and when (UTC). */
    public record SignOffJson(String editor, Instant signedAt) {
    }

    /**
     * What the editor saw and signs off: the claim's version and its active sources as
     * {@code id:version} pairs (both given in the verdict's {@code signOffRequest}).
     */
    public record SignOffRequest(Long claimVersion, String sourceSet) {
    }

    /** One verdict revision; 404 problem when there is none. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Get a verdict revision")
    public VerdictJson get(@RestPath long id) {
        Verdict verdict = Verdict.find("select v from Verdict v join fetch v.claim join fetch v.level join fetch v.author"
                + " where v.id = ?1", id).firstResult();
        if (verdict == null) {
            throw new NotFoundException();
        }
        SignOff signOff = SignOff.find("select s from SignOff s join fetch s.editor where s.verdict = ?1", verdict).firstResult();
        SignOffRequest request = verdict.state == VerdictState.PROPOSED
                ? new SignOffRequest(verdict.claim.version, SourceSet.of(Source.findByClaim(verdict.claim))) : null;
        return VerdictJson.of(verdict, signOff, request);
    }

    /**
     * Signs the verdict off (editors). The body repeats the verdict's {@code signOffRequest}: when
     * the claim, its sources or the verdict changed since, nothing is signed off (409 problem saying
     * what changed). 403 problem for reviewers and for the verdict's own author.
     */
    @POST
    @Path("/{id}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR_NAME)
    @Operation(summary = "Sign a verdict off (editors, not its author)")
    public Response signOff(@RestPath long id, SignOffRequest seen) {
        if (seen == null || seen.claimVersion() == null || seen.sourceSet() == null) {
            return Problem.invalid(Map.of("claimVersion", "Repeat the verdict's signOffRequest: claimVersion and sourceSet."),
                    "/api/v1/verdicts/" + id + "/sign-off").toResponse();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> workflow.signOff(id,
                    new VerdictWorkflow.SeenState(id, seen.claimVersion(), seen.sourceSet()), currentAccount.get()));
        } catch (PersistenceException e) {
            return Problem.of(409, "Another editor signed off this verdict at the same moment; it is signed off once.",
                    "/api/v1/verdicts/" + id + "/sign-off").toResponse();
        }
        return Response.ok(get(id)).build();
    }
}
