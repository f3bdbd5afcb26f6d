package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.claimdesk.Fixtures;
import org.claimdesk.account.RoleHierarchyAugmentor;
import org.claimdesk.source.SourceStance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every {@link HostilePayloads hostile payload} to every field of every form and to every
 * parameter of every filter form, as an admin (who may use every form). Every answer must be
 * 200/303 or a 4xx page with a message, never a 5xx; every page that comes back, and every page
 * that lists what was saved, must be inert (see {@link InertPage}) and must not contain a payload's
 * markup unescaped. Each form is first sent once with valid values only, which must be accepted,
 * so a form that refuses everything cannot pass.
 *
 * <p>Add a form with one line in {@link #FORMS}, a list or search page with one line in {@link #QUERIES}.
 * In page paths {@code {article}} and {@code {claim}} stand for an article and a claim (with a
 * source) made for this test.
 */
@QuarkusTest
@TestSecurity(user = Fixtures.CAROL, roles = "admin", augmentors = RoleHierarchyAugmentor.class)
class HostileInputTest {

    /** Every form that saves something: its page, the form's action when the page has several, valid values ({@code {n}} = a unique number). */
    static final List<HostileForm> FORMS = List.of(
            HostileForm.on("/articles/new").valid("title", "Harness article {n}")
                    .valid("text", "A harmless paragraph, number {n}.").shownOn("/articles", "/desk"),
            HostileForm.on("/claims/new?article={article}&start=0&end=15").valid("claimReviewed", "Harness claim {n}")
                    .shownOn("/articles/{article}", "/desk"),
            HostileForm.on("/claims/{claim}").form("/claims/{claim}").valid("claimReviewed", "Edited harness claim {n}"),
            HostileForm.on("/claims/{claim}").form("/comments").valid("body", "A harmless comment, number {n}."),
            HostileForm.on("/sources/new?claim={claim}").valid("description", "A harmless source, number {n}")
                    .valid("kind", "PRIMARY_DOCUMENT").valid("stance", "SUPPORTS").shownOn("/claims/{claim}"),
            HostileForm.on("/claims/{claim}").form("/verdicts")
                    .valid("ratingExplanation", "A harmless explanation that is long enough to be accepted, number {n}.")
                    .valid("claimReviewed", "Harness claim reviewed {n}").shownOn("/desk"),
            HostileForm.on("/admin").form("/admin/settings").valid("publisherName", "Harness fact check {n}")
                    .shownOn("/admin", "/claims/{claim}"));

    /** Every page with a filter or search form (method GET); further parameters to try after the path. */
    static final List<HostileQuery> QUERIES = List.of(
            HostileQuery.on("/articles", "page"));

    /** Statuses a hostile request may get. */
    static final Set<Integer> ACCEPTABLE = Set.of(200, 303, 400, 403, 404, 409, 413, 415, 422);

    private static final AtomicInteger SUBMISSION = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static volatile Map<String, String> seed;

    /** A form page, which form on it, values that make the form valid, and the pages that show what it saved. */
    record HostileForm(String page, String action, Map<String, String> validValues, List<String> listPages) {

        static HostileForm on(String page) {
            return new HostileForm(page, null, Map.of(), List.of());
        }

        HostileForm form(String formAction) {
            return new HostileForm(page, formAction, validValues, listPages);
        }

        HostileForm valid(String field, String value) {
            Map<String, String> values = new LinkedHashMap<>(validValues);
            values.put(field, value);
            return new HostileForm(page, action, values, listPages);
        }

        HostileForm shownOn(String... pages) {
            return new HostileForm(page, action, validValues, List.of(pages));
        }

        @Override
        public String toString() {
            return page + (action == null ? "" : " form " + action);
        }
    }

    /** A page with filter forms, and extra query parameters it reads. */
    record HostileQuery(String page, List<String> extraParameters) {

        static HostileQuery on(String page, String... extraParameters) {
            return new HostileQuery(page, List.of(extraParameters));
        }
    }

    /**
     * One input of a form as the page rendered it.
     *
     * @param optional an unchecked checkbox: left out unless it is the field under attack
     */
    record Field(String name, boolean file, String pageValue, boolean optional) {
    }

    /** What the app answered: status, body, and the Location header of a redirect (or null). */
    record Answer(int status, String body, String location) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.asString(), response.getHeader("Location"));
        }
    }

    /** A form as rendered: where it posts, how it encodes, its fields, and the CSRF token and cookie to send. */
    record RenderedForm(String action, boolean multipart, List<Field> fields, Fixtures.Csrf csrf) {
    }

    /** The harness saves desk settings; later test classes expect the configured publisher. */
    @AfterAll
    static void useConfiguredPublisherAgain() {
        Fixtures.useConfiguredPublisher();
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryFormTakesEveryPayload() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HostileForm form : FORMS) {
            tests.add(dynamicTest(form + ": valid values are accepted", () -> assertValidValuesAccepted(form)));
            for (Field field : render(form).fields()) {
                tests.add(dynamicTest(form + " field " + field.name(), () -> attackField(form, field.name(), false)));
                if (field.file()) {
                    tests.add(dynamicTest(form + " file name of " + field.name(), () -> attackField(form, field.name(), true)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyParameterOfEveryFilterTakesEveryPayload() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HostileQuery query : QUERIES) {
            Document page = Jsoup.parse(given().get(query.page()).asString());
            Set<String> parameters = new LinkedHashSet<>();
            String action = query.page();
            for (Element form : page.select("form")) {
                if (form.attr("method").isEmpty() || form.attr("method").equalsIgnoreCase("get")) {
                    action = form.attr("action").isEmpty() ? query.page() : form.attr("action");
                    form.select("input[name], select[name], textarea[name]").forEach(input -> parameters.add(input.attr("name")));
                }
            }
            parameters.addAll(query.extraParameters());
            for (String parameter : parameters) {
                String target = action;
                tests.add(dynamicTest(target + "?" + parameter, () -> attackParameter(target, parameter)));
            }
        }
        return tests.stream();
    }

    /** The article and claim (with one source) that {@code {article}} and {@code {claim}} stand for. */
    private static synchronized Map<String, String> seed() {
        if (seed == null) {
            Long article = Fixtures.seedArticle("Carlton Gardens was the headquarters of the Free French from 1940 to 1944.");
            Long claim = Fixtures.seedClaim(article, "Carlton Gardens was the headquarters", "Carlton Gardens was the Free French HQ");
            Fixtures.seedSource(claim, SourceStance.SUPPORTS);
            seed = Map.of("{article}", article.toString(), "{claim}", claim.toString());
        }
        return seed;
    }

    private static String resolved(String path) {
        String result = path;
        for (Map.Entry<String, String> placeholder : seed().entrySet()) {
            result = result.replace(placeholder.getKey(), placeholder.getValue());
        }
        return result;
    }

    /** The form as the page renders it now (hidden values such as versions change after each save). */
    private static RenderedForm render(HostileForm form) {
        String page = resolved(form.page());
        Response response = given().get(page);
        assertEquals(200, response.statusCode(), page);
        Document document = Jsoup.parse(response.asString());
        Element html = form.action() == null ? document.selectFirst("form[method=post]")
                : document.selectFirst("form[method=post][action=" + resolved(form.action()) + "]");
        if (html == null) {
            throw new AssertionError("no POST form " + (form.action() == null ? "" : resolved(form.action()) + " ") + "on " + page);
        }
        Element token = html.selectFirst("input[name=csrf-token]");
        return new RenderedForm(html.attr("action"), html.attr("enctype").equalsIgnoreCase("multipart/form-data"), fieldsOf(html),
                new Fixtures.Csrf(token == null ? "" : token.attr("value"), response.getCookie("claimdesk-csrf")));
    }

    /** The named inputs of a form, one per name for radio groups, without buttons and the CSRF token. */
    static List<Field> fieldsOf(Element form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            String name = input.attr("name");
            if (Set.of("submit", "button", "reset", "image").contains(type) || name.equals("csrf-token")) {
                continue;
            }
            boolean checked = input.hasAttr("checked");
            switch (type) {
                case "radio" -> {
                    if (!fields.containsKey(name) || checked) {
                        fields.put(name, new Field(name, false, input.attr("value"), false));
                    }
                }
                case "checkbox" -> fields.putIfAbsent(name, new Field(name, false, input.attr("value"), !checked));
                default -> fields.putIfAbsent(name, new Field(name, type.equals("file"), switch (input.normalName()) {
                    case "textarea" -> input.wholeText();
                    case "select" -> {
                        Element selected = input.selectFirst("option[selected]");
                        Element option = selected != null ? selected : input.selectFirst("option");
                        yield option == null ? "" : option.attr("value");
                    }
                    default -> input.attr("value");
                }, false));
            }
        }
        return new ArrayList<>(fields.values());
    }

    private void assertValidValuesAccepted(HostileForm form) {
        Answer answer = submit(form, null, null, false);
        assertEquals(303, answer.status(), "the form must accept its valid values: " + abbreviated(answer.body()));
    }

    private void attackField(HostileForm form, String target, boolean fileName) {
        List<String> problems = new ArrayList<>();
        for (HostilePayloads.Payload payload : HostilePayloads.ALL) {
            Answer answer = submit(form, target, payload, fileName);
            String where = form + " " + target + (fileName ? " (file name)" : "") + " = " + payload;
            check(answer, payload, "POST " + where, problems);
            if (answer.status() == 303) {
                check(Answer.of(given().get(answer.location())), payload, "GET " + answer.location() + " after " + where, problems);
            }
        }
        for (String page : form.listPages()) {
            check(Answer.of(given().get(resolved(page))), null, "GET " + page + " after the " + target + " payloads", problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    /** Sends the form with valid values and, unless {@code target} is null, the payload in that field. */
    private static Answer submit(HostileForm form, String target, HostilePayloads.Payload payload, boolean fileName) {
        int n = SUBMISSION.incrementAndGet();
        RenderedForm rendered = render(form);
        Fixtures.Csrf csrf = rendered.csrf();
        Multipart multipart = new Multipart().field("csrf-token", csrf.token());
        ByteArrayOutputStream urlEncoded = new ByteArrayOutputStream();
        urlEncoded.writeBytes(("csrf-token=" + percentEncoded(utf8(csrf.token()))).getBytes(StandardCharsets.US_ASCII));
        for (Field field : rendered.fields()) {
            boolean hit = field.name().equals(target);
            if (field.file()) {
                byte[] name = !hit ? new byte[0] : fileName ? concat(payload.bytes(), ".txt") : utf8("hostile-" + n + ".txt");
                byte[] content = !hit ? new byte[0] : fileName ? utf8("A harmless uploaded text, number " + n + ".") : payload.bytes();
                multipart.file(field.name(), name, content);
                continue;
            }
            if (field.optional() && !hit) {
                continue;
            }
            byte[] value = hit ? payload.bytes() : utf8(validValue(form, field, n));
            multipart.field(field.name(), value);
            urlEncoded.writeBytes(("&" + percentEncoded(utf8(field.name())) + "=" + percentEncoded(value)).getBytes(StandardCharsets.US_ASCII));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + rendered.action())).header("Cookie", "claimdesk-csrf=" + csrf.cookie());
        request = rendered.multipart()
                ? request.header("Content-Type", multipart.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
                : request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(urlEncoded.toByteArray()));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST " + rendered.action() + " failed", e);
        }
    }

    private void attackParameter(String action, String parameter) {
        List<String> problems = new ArrayList<>();
        for (HostilePayloads.Payload payload : HostilePayloads.ALL) {
            String url = action + "?" + parameter + "=" + percentEncoded(payload.bytes());
            Answer answer = Answer.of(given().urlEncodingEnabled(false).redirects().follow(false).get(url));
            check(answer, payload, "GET " + action + "?" + parameter + "=" + payload, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    /** Status acceptable, a message on refusals, the page inert and the payload escaped. */
    private static void check(Answer answer, HostilePayloads.Payload payload, String what, List<String> problems) {
        int status = answer.status();
        String body = answer.body();
        if (!ACCEPTABLE.contains(status)) {
            problems.add(what + ": status " + status + " " + abbreviated(body));
            return;
        }
        if (status >= 400 && !body.contains("class=\"field-error\"") && !body.contains("class=\"error-page\"")
                && !body.contains("role=\"alert\"")) {
            problems.add(what + ": " + status + " without a message: " + abbreviated(body));
        }
        if (status == 303) {
            String location = answer.location();
            if (location == null || !(location.startsWith("/") || location.startsWith(io.restassured.RestAssured.baseURI))) {
                problems.add(what + ": redirect elsewhere: " + location);
            }
            return;
        }
        List<String> active = InertPage.inlineCodeIn(Jsoup.parse(body));
        if (!active.isEmpty()) {
            problems.add(what + ": active content " + active);
        }
        if (payload != null && payload.needsEscaping() && body.contains(payload.text())) {
            problems.add(what + ": the payload came back unescaped");
        }
    }

    private static String validValue(HostileForm form, Field field, int n) {
        if (field.name().equals(FormSubmissions.FIELD)) {
            return UUID.randomUUID().toString();
        }
        String value = form.validValues().getOrDefault(field.name(), field.pageValue());
        return value.replace("{n}", String.valueOf(n));
    }

    private static String percentEncoded(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, String second) {
        byte[] tail = utf8(second);
        byte[] joined = new byte[first.length + tail.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(tail, 0, joined, first.length, tail.length);
        return joined;
    }

    private static String abbreviated(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
