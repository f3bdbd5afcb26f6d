package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.claimdesk.DatabaseSnapshot;
import org.claimdesk.account.Account;
import org.claimdesk.claim.Claim;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.PageContent;
import org.claimdesk.source.SnapshotCause;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceFields;
import org.claimdesk.source.SourceKind;
import org.claimdesk.source.SourceSnapshot;
import org.claimdesk.source.SourceStance;
import org.claimdesk.Fixtures;
import org.claimdesk.account.RoleHierarchyAugmentor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * No state change on GET: an admin (who sees every page) follows every link and filter form from
 * the landing page and the desk, and the database is the same afterwards. Every GET route must be
 * reached this way, so a new page is covered as soon as something links to it.
 */
@QuarkusTest
@TestSecurity(user = Fixtures.CAROL, roles = "admin", augmentors = RoleHierarchyAugmentor.class)
class GetRoutesTest {

    /** Paths the walk never opens: signing out ends the session rather than showing a page. */
    static final List<String> NOT_WALKED = List.of("/logout", "/q/", "/static/", "/webjars/", "/api/");

    static final int MAX_PAGES = 400;

    /** Pages opened per route: enough to see it work, few enough that thousands of rows stay quick. */
    static final int PAGES_PER_ROUTE = 3;

    @Test
    void walkingEveryGetRouteAsAnAdminChangesNothingInTheDatabase() {
        Map<String, Origin> seeded = seedOneOfEverything();
        given().get("/desk").then().statusCode(200); // the first request of a person creates their account
        DatabaseSnapshot before = DatabaseSnapshot.take();

        Map<String, Visit> visited = walk(seeded);

        DatabaseSnapshot after = DatabaseSnapshot.take();
        assertEquals(before, after, "GET requests changed the database; pages walked: " + visited.keySet());
        List<String> broken = visited.entrySet().stream().filter(e -> e.getValue().broken())
                .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        assertEquals(List.of(), broken, "pages that fail: links must answer 200, forms and bare routes below 500");
        List<String> unreached = new ArrayList<>();
        for (GetRoutes.Route route : GetRoutes.all()) {
            boolean notAPage = NOT_WALKED.stream().anyMatch(route.template()::startsWith)
                    // linked only once a verdict is signed off; its GET is covered by ClaimReviewTest
                    || route.template().endsWith("/claimreview.jsonld");
            if (!notAPage && visited.keySet().stream().noneMatch(path -> route.pattern().matcher(path).matches())) {
                unreached.add(route.template() + " (" + route.method() + ")");
            }
        }
        assertEquals(List.of(), unreached, "GET routes no page links to: link them, or seed the rows they show in "
                + "seedOneOfEverything()");
    }

    @Test
    void theRouteListFindsTheKnownPages() {
        List<String> templates = GetRoutes.all().stream().map(GetRoutes.Route::template).toList();
        assertTrue(templates.containsAll(List.of("/", "/desk", "/articles", "/articles/new", "/articles/{id}", "/admin")),
                templates.toString());
    }

    /**
     * One row of everything a page shows: an article, a claim, a comment and a verdict made through
     * the forms like a person would, and a source with a fetched snapshot stored directly (a real
     * fetch would leave the machine).
     *
     * @return the pages of what was made, and routes to open directly, each with how it is reached
     */
    private static Map<String, Origin> seedOneOfEverything() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        String article = given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                .multiPart("csrf-token", csrf.token()).multiPart("title", "Walked article")
                .multiPart("url", "https://walk.example/" + UUID.randomUUID())
                .multiPart("text", "Carlton Gardens was the headquarters of the Free French from 1940 to 1944.",
                        "text/plain; charset=UTF-8")
                .post("/articles").then().statusCode(303).extract().header("Location");
        Long claimId = Fixtures.createClaim(Long.valueOf(article.substring(article.lastIndexOf('/') + 1)),
                "Carlton Gardens was the headquarters", "Carlton Gardens was the Free French headquarters");
        String claimPage = "/claims/" + claimId;
        postOn(claimPage, "/comments", Map.of("claim", claimId.toString(), "body", "A comment for the walk, @carol."));
        Long sourceId = QuarkusTransaction.requiringNew().call(() -> {
            Account carol = Account.findBySubject(Fixtures.CAROL);
            String url = "https://walk.example/source/" + UUID.randomUUID();
            Source source = Source.attachedTo(Claim.findById(claimId), new SourceFields(url, null, "Walked source", null,
                    SourceKind.NEWS_REPORT, SourceStance.SUPPORTS, "An excerpt", null, Instant.now()), carol);
            source.persist();
            SourceSnapshot snapshot = SourceSnapshot.pending(source, SnapshotCause.ADDED, carol);
            snapshot.persist();
            FetchResult fetched = new FetchResult(url, url, FetchResult.Outcome.OK, null, 200, "text/html; charset=utf-8",
                    Instant.now(), "<html><title>Walked</title><p>Archived page text.</p></html>".getBytes(StandardCharsets.UTF_8));
            snapshot.complete(fetched, PageContent.of(fetched), null);
            return source.id;
        });
        Document page = Jsoup.parse(given().get(claimPage).asString());
        postOn(claimPage, "/verdicts", Map.of("claim", claimId.toString(),
                "claimVersion", page.selectFirst("form[action=/verdicts] input[name=claimVersion]").attr("value"),
                "levelId", page.selectFirst("input[name=levelId]").attr("value"),
                "ratingExplanation", "The archive records show the Free French headquarters at Carlton Gardens.",
                "claimReviewed", "Carlton Gardens was the Free French headquarters"));
        Map<String, Origin> pages = new LinkedHashMap<>();
        pages.put(article, Origin.LINK);
        pages.put(claimPage, Origin.LINK);
        pages.put("/sources/" + sourceId, Origin.LINK);
        // htmx polls this while a snapshot is being fetched; opened plainly it redirects to the source
        pages.put("/sources/" + sourceId + "/snapshot", Origin.ROUTE);
        return pages;
    }

    /** Sends a form with the CSRF token of the page it is on; expects the redirect that follows a save. */
    private static void postOn(String page, String action, Map<String, String> fields) {
        Fixtures.Csrf csrf = Fixtures.csrfFrom(page);
        var request = given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie()).formParam("csrf-token", csrf.token());
        fields.forEach(request::formParam);
        request.post(action).then().statusCode(303);
    }

    /** How a path was found: a link must work; a filter form sent as rendered or a bare route may refuse. */
    enum Origin { LINK, FORM, ROUTE }

    /** One request of the walk. */
    record Visit(Origin origin, int status) {

        boolean broken() {
            return origin == Origin.LINK ? status != 200 : status >= 500;
        }
    }

    /** Breadth-first over links and GET forms; returns each path (with query), how it was found and its status. */
    private static Map<String, Visit> walk(Map<String, Origin> seeded) {
        Map<String, Visit> visited = new LinkedHashMap<>();
        List<GetRoutes.Route> routes = GetRoutes.all();
        Map<GetRoutes.Route, Integer> opened = new LinkedHashMap<>();
        Map<String, Origin> found = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        java.util.Set<String> seeds = new java.util.HashSet<>();
        seeded.forEach((path, origin) -> {
            String local = path.replaceFirst("^https?://[^/]+", "");
            queue.add(local);
            seeds.add(local);
            found.put(local, origin);
        });
        queue.addAll(List.of("/", "/desk"));
        routes.stream().filter(route -> !route.hasParameters()).forEach(route -> {
            queue.add(route.template());
            found.put(route.template(), Origin.ROUTE);
        });
        while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
            String path = queue.poll();
            if (visited.containsKey(path) || NOT_WALKED.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            GetRoutes.Route route = routes.stream().filter(r -> r.pattern().matcher(pathOnly).matches()).findFirst().orElse(null);
            if (route != null && opened.merge(route, 1, Integer::sum) > PAGES_PER_ROUTE && !seeds.contains(path)) {
                continue;
            }
            Response response = given().redirects().follow(false).urlEncodingEnabled(false).get(path);
            visited.put(path, new Visit(found.getOrDefault(path, Origin.LINK), response.statusCode()));
            String type = response.contentType() == null ? "" : response.contentType();
            if (response.statusCode() == 200 && type.startsWith("text/html")) {
                Document page = Jsoup.parse(response.asString());
                assertEquals(List.of(), InertPage.inlineCodeIn(page), "no inline code on " + path);
                linksOn(page, path).forEach((link, origin) -> {
                    found.putIfAbsent(link, origin);
                    queue.add(link);
                });
            }
        }
        return visited;
    }

    /** Same-site links and filter-form URLs (with the form's current values) on a page. */
    private static Map<String, Origin> linksOn(Document page, String from) {
        Map<String, Origin> links = new LinkedHashMap<>();
        URI base = URI.create("http://claimdesk.test" + from);
        for (Element link : page.select("a[href]")) {
            local(base, link.attr("href")).ifPresent(path -> links.putIfAbsent(path, Origin.LINK));
        }
        for (Element form : page.select("form")) {
            if (!form.attr("method").isEmpty() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            for (Element input : form.select("input[name], select[name]")) {
                String value = input.normalName().equals("select")
                        ? (input.selectFirst("option[selected]") != null ? input.selectFirst("option[selected]").attr("value") : "")
                        : input.attr("value");
                query.append(query.length() == 0 ? "" : "&").append(input.attr("name")).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
            String action = form.attr("action").isEmpty() ? from : form.attr("action");
            local(base, action + (action.contains("?") ? "&" : "?") + query).ifPresent(path -> links.putIfAbsent(path, Origin.FORM));
        }
        return links;
    }

    private static java.util.Optional<String> local(URI base, String href) {
        URI target = base.resolve(href.strip());
        if (!"claimdesk.test".equals(target.getHost()) || target.getRawPath() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(target.getRawPath() + (target.getRawQuery() == null || target.getRawQuery().isEmpty() ? "" : "?" + target.getRawQuery()));
    }
}
