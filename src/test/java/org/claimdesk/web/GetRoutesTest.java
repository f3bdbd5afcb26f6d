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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.claimdesk.DatabaseSnapshot;
import org.claimdesk.Fixtures;
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
@TestSecurity(user = Fixtures.CAROL, roles = "admin", augmentors = org.claimdesk.account.RoleHierarchyAugmentor.class)
class GetRoutesTest {

    /** Paths the walk never opens: signing out ends the session rather than showing a page. */
    static final List<String> NOT_WALKED = List.of("/logout", "/q/", "/static/", "/webjars/");

    static final int MAX_PAGES = 400;

    /** Pages opened per route: enough to see it work, few enough that thousands of rows stay quick. */
    static final int PAGES_PER_ROUTE = 3;

    @Test
    void walkingEveryGetRouteAsAnAdminChangesNothingInTheDatabase() {
        seedOneOfEverything();
        given().get("/desk").then().statusCode(200); // the first request of a person creates their account
        DatabaseSnapshot before = DatabaseSnapshot.take();

        Map<String, Integer> visited = walk();

        DatabaseSnapshot after = DatabaseSnapshot.take();
        assertEquals(before, after, "GET requests changed the database; pages walked: " + visited.keySet());
        List<String> broken = visited.entrySet().stream().filter(e -> e.getValue() != 200)
                .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        assertEquals(List.of(), broken, "linked pages that do not answer 200");
        List<String> unreached = new ArrayList<>();
        for (GetRoutes.Route route : GetRoutes.all()) {
            if (visited.keySet().stream().noneMatch(path -> route.pattern().matcher(path).matches())) {
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

    /** One row of everything a page shows, made through the forms like a person would. */
    private static void seedOneOfEverything() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie()).multiPart("csrf-token", csrf.token())
                .multiPart("title", "Walked article").multiPart("url", "https://walk.example/" + UUID.randomUUID())
                .multiPart("text", "A paragraph for the GET walk.", "text/plain; charset=UTF-8")
                .post("/articles").then().statusCode(303);
    }

    /** Breadth-first over links and GET forms; returns each path (with query) and its status. */
    private static Map<String, Integer> walk() {
        Map<String, Integer> visited = new LinkedHashMap<>();
        List<GetRoutes.Route> routes = GetRoutes.all();
        Map<GetRoutes.Route, Integer> opened = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/desk"));
        routes.stream().filter(route -> !route.hasParameters()).forEach(route -> queue.add(route.template()));
        while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
            String path = queue.poll();
            if (visited.containsKey(path) || NOT_WALKED.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            GetRoutes.Route route = routes.stream().filter(r -> r.pattern().matcher(pathOnly).matches()).findFirst().orElse(null);
            if (route != null && opened.merge(route, 1, Integer::sum) > PAGES_PER_ROUTE) {
                continue;
            }
            Response response = given().redirects().follow(false).urlEncodingEnabled(false).get(path);
            visited.put(path, response.statusCode());
            String type = response.contentType() == null ? "" : response.contentType();
            if (response.statusCode() == 200 && type.startsWith("text/html")) {
                Document page = Jsoup.parse(response.asString());
                assertEquals(List.of(), InertPage.inlineCodeIn(page), "no inline code on " + path);
                queue.addAll(linksOn(page, path));
            }
        }
        return visited;
    }

    /** Same-site links and filter-form URLs (with the form's current values) on a page. */
    private static Set<String> linksOn(Document page, String from) {
        Set<String> links = new LinkedHashSet<>();
        URI base = URI.create("http://claimdesk.test" + from);
        for (Element link : page.select("a[href]")) {
            local(base, link.attr("href")).ifPresent(links::add);
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
            local(base, action + (action.contains("?") ? "&" : "?") + query).ifPresent(links::add);
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
