package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.claimdesk.Browser;
import org.claimdesk.Fixtures;
import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceStance;
import org.claimdesk.settings.DeskSettings;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing route × {anonymous, no role, reviewer, editor, admin} × {author of the
 * verdict, not its author}: allowed or refused, and a refused attempt changes nothing.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final String CARLTON = "Carlton Gardens, which was the headquarters of the Free France government in exile between 1940-1944";
    static final String EXPLANATION = "Archive records and the plaque at 4 Carlton Gardens confirm the Free French headquarters 1940-1944.";

    @TestHTTPResource("/")
    URI app;

    @Inject
    EntityManager entityManager;

    /** What one route needs: a fresh target and the form to send. */
    record Route(String name, Set<String> allowed, boolean authorIsRefused, Function<Target, String> action,
            Function<Target, Object[]> form) {
    }

    /** Fresh objects for one attempt. */
    record Target(Long articleId, Long claimId, Long verdictId, long claimVersion, String sourceSet) {
    }

    static final Set<String> REVIEWERS = Set.of("alice", "bob", "carol");
    static final Set<String> EDITORS = Set.of("bob", "carol");
    static final Set<String> ADMINS = Set.of("carol");

    List<Route> routes() {
        return List.of(
                new Route("import article", REVIEWERS, false, t -> "/articles", t -> new Object[] {"title", "x", "text", "Some text " + System.nanoTime()}),
                new Route("create claim", REVIEWERS, false, t -> "/claims", t -> new Object[] {"article", t.articleId(), "start", 0, "end", 10, "claimReviewed", "A claim"}),
                new Route("edit claim", REVIEWERS, false, t -> "/claims/" + t.claimId(), t -> new Object[] {"version", t.claimVersion(), "claimReviewed", "Edited"}),
                new Route("take or assign claim", REVIEWERS, false, t -> "/claims/" + t.claimId() + "/assign", t -> new Object[] {}),
                new Route("dismiss claim", EDITORS, false, t -> "/claims/" + t.claimId() + "/dismiss", t -> new Object[] {"reason", "OPINION"}),
                new Route("comment", REVIEWERS, false, t -> "/comments", t -> new Object[] {"claim", t.claimId(), "body", "A remark"}),
                new Route("propose verdict", REVIEWERS, false, t -> "/verdicts", t -> new Object[] {"claim", t.claimId(), "claimVersion", t.claimVersion(),
                        "levelId", trueLevel(), "ratingExplanation", EXPLANATION, "claimReviewed", "Carlton Gardens was the HQ"}),
                new Route("sign off verdict", EDITORS, true, t -> "/verdicts/" + t.verdictId() + "/sign-off", t -> new Object[] {"claimVersion", t.claimVersion(), "sourceSet", t.sourceSet()}),
                new Route("send back verdict", EDITORS, false, t -> "/verdicts/" + t.verdictId() + "/send-back", t -> new Object[] {"reason", "Needs work"}),
                new Route("mark duplicate reviewed", EDITORS, false, t -> "/claims/" + t.claimId() + "/duplicate-reviewed", t -> new Object[] {}),
                new Route("edit rating scale", ADMINS, false, t -> "/admin/scale", t -> currentScaleWithNewDescriptions()),
                new Route("edit desk settings", ADMINS, false, t -> "/admin/settings", t -> new Object[] {"settingsVersion", settingsVersion(),
                        "publisherName", "Desk " + System.nanoTime(), "publisherUrl", "https://factcheck.example.org/",
                        "claimreviewUrlPattern", "https://factcheck.example.org/claims/{id}"}));
    }

    /** The current scale's levels as the editor form sends them, each with a new description. */
    static Object[] currentScaleWithNewDescriptions() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> form = new ArrayList<>(List.of("scaleNumber", RatingScale.current().number));
            for (org.claimdesk.verdict.RatingLevel level : RatingScale.current().levels()) {
                form.addAll(List.of("position", level.position, "label", level.label, "description", "Edited " + System.nanoTime(),
                        "colour", level.colour, "kind", level.isOutsideScale() ? "OUTSIDE" : "SCALE"));
            }
            return form.toArray();
        });
    }

    static long settingsVersion() {
        return QuarkusTransaction.requiringNew().call(() -> DeskSettings.current().version);
    }

    static Long trueLevel() {
        return QuarkusTransaction.requiringNew().call(() -> RatingScale.current().levels().stream()
                .filter(level -> "True".equals(level.label)).findFirst().orElseThrow().id);
    }

    /** A claim with a source and a verdict proposed by {@code author}, awaiting sign-off. */
    Target target(Browser author) {
        Long articleId = Fixtures.seedRealArticle();
        Long claimId = Fixtures.seedClaim(articleId, CARLTON, "Carlton Gardens was the Free French HQ");
        Fixtures.seedSource(claimId, SourceStance.SUPPORTS);
        long version = QuarkusTransaction.requiringNew().call(() -> Claim.<Claim>findById(claimId).version);
        author.post("/claims/" + claimId, "/verdicts", "claim", claimId, "claimVersion", version, "levelId", trueLevel(),
                "ratingExplanation", EXPLANATION, "claimReviewed", "Carlton Gardens was the Free French HQ").then().statusCode(303);
        return QuarkusTransaction.requiringNew().call(() -> {
            Claim claim = Claim.findById(claimId);
            Verdict verdict = Verdict.findCurrent(claim);
            return new Target(articleId, claimId, verdict.id, claim.version,
                    org.claimdesk.verdict.SourceSet.of(org.claimdesk.source.Source.findByClaim(claim)));
        });
    }

    /** Row counts and version sums of every table a person can change. */
    String fingerprint() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(entityManager.createNativeQuery("""
                select (select count(*) from article) || '/' || (select count(*) from article_revision) || '/'
                    || (select count(*) || ':' || coalesce(sum(version), 0) from claim) || '/'
                    || (select count(*) || ':' || coalesce(sum(version), 0) from source) || '/'
                    || (select count(*) || ':' || coalesce(sum(version), 0) from verdict) || '/'
                    || (select count(*) from sign_off) || '/' || (select count(*) from comment) || '/'
                    || (select count(*) from rating_scale) || '/' || (select count(*) from audit_revision) || '/'
                    || (select version from desk_settings where id = 1)
                """).getSingleResult()));
    }

    @Test
    void everyStateChangingRouteAllowsOrRefusesEachRoleAndRefusalsChangeNothing() {
        Browser alice = Browser.signIn(app, "alice");
        Browser bob = Browser.signIn(app, "bob");
        Browser carol = Browser.signIn(app, "carol");
        Browser nobody = Browser.signInWithRoles(app, "dana", "");
        Map<String, Browser> people = Map.of("alice", alice, "bob", bob, "carol", carol, "dana", nobody);
        List<String> failures = new ArrayList<>();

        for (Route route : routes()) {
            for (String who : List.of("anonymous", "dana", "alice", "bob", "carol")) {
                for (boolean asAuthor : new boolean[] {false, true}) {
                    if (asAuthor && !Set.of("bob", "carol").contains(who)) {
                        continue;
                    }
                    Browser author = asAuthor ? people.get(who) : (who.equals("bob") ? carol : bob);
                    Target target = target(author);
                    String before = fingerprint();
                    Response response = attempt(route, target, who.equals("anonymous") ? null : people.get(who), alice);
                    boolean expectedAllowed = route.allowed().contains(who) && !(asAuthor && route.authorIsRefused());
                    int status = response.statusCode();
                    boolean refused = status == 403 || status == 401 || (status == 302 && String.valueOf(response.getHeader("Location")).contains("authorize"));
                    String cell = route.name() + " as " + who + (asAuthor ? " (author)" : "") + " → " + status;
                    if (expectedAllowed && (refused || status >= 500)) {
                        failures.add(cell + " but should be allowed");
                    }
                    if (!expectedAllowed) {
                        if (!refused) {
                            failures.add(cell + " but should be refused");
                        } else if (!before.equals(fingerprint())) {
                            failures.add(cell + " was refused but changed the database");
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private Response attempt(Route route, Target target, Browser who, Browser csrfSource) {
        Object[] form = route.form().apply(target);
        if (who == null) {
            io.restassured.specification.RequestSpecification request = RestAssured.given().redirects().follow(false);
            for (int i = 0; i + 1 < form.length; i += 2) {
                request = request.formParam(String.valueOf(form[i]), form[i + 1]);
            }
            return request.post(route.action().apply(target));
        }
        if (route.name().equals("import article")) {
            return multipart(who, target, form).post("/articles");
        }
        return who.post("/claims/" + target.claimId(), route.action().apply(target), form);
    }

    private static io.restassured.specification.RequestSpecification multipart(Browser who, Target target, Object[] form) {
        Response page = who.get("/claims/" + target.claimId());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(matcher.find());
        String cookie = page.getCookie("claimdesk-csrf") != null ? page.getCookie("claimdesk-csrf") : who.cookies.get("claimdesk-csrf");
        io.restassured.specification.RequestSpecification request = who.request().cookie("claimdesk-csrf", cookie)
                .multiPart("csrf-token", matcher.group(1));
        for (int i = 0; i + 1 < form.length; i += 2) {
            request = request.multiPart(String.valueOf(form[i]), String.valueOf(form[i + 1]));
        }
        return request;
    }

    @Test
    void theMatrixCoversEveryPostRouteOfTheApp() {
        long postRoutes = java.util.Arrays.stream(new Class<?>[] {org.claimdesk.article.Articles.class, org.claimdesk.claim.Claims.class,
                org.claimdesk.claim.Comments.class, org.claimdesk.verdict.Verdicts.class, Admin.class})
                .flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(jakarta.ws.rs.POST.class)).count();
        assertEquals(postRoutes - 1, routes().size(), "every POST route but the anchor confirmation is in the matrix");
        assertNotEquals(0, postRoutes);
    }
}
