package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sends every {@link HostilePayloads hostile payload} to every field of every form and to every
 * parameter of every filter form, as an admin (who may use every form). Every answer must be
 * 200/303 or a 4xx page with a message, never a 5xx; every page that comes back, and every page
 * that lists what was saved, must be inert (see {@link InertPage}) and must not contain a payload's
 * markup unescaped.
 *
 * <p>Add a form with one line in {@link #FORMS}, a list or search page with one line in {@link #QUERIES}.
 */
@QuarkusTest
@TestSecurity(user = Fixtures.CAROL, roles = "admin")
class HostileInputTest {

    /** Every page with a form that saves something. {@code {n}} in a valid value becomes a unique number. */
    static final List<HostileForm> FORMS = List.of(
            HostileForm.on("/articles/new").valid("title", "Harness article {n}")
                    .valid("text", "A harmless paragraph, number {n}.").shownOn("/articles", "/desk"));

    /** Every page with a filter or search form (method GET); further parameters to try after the path. */
    static final List<HostileQuery> QUERIES = List.of(
            HostileQuery.on("/articles", "page"));

    /** Statuses a hostile request may get. */
    static final Set<Integer> ACCEPTABLE = Set.of(200, 303, 400, 403, 404, 409, 413, 415, 422);

    private static final AtomicInteger SUBMISSION = new AtomicInteger();

    /** A form page, values that make the form valid, and the pages that show what it saved. */
    record HostileForm(String page, Map<String, String> validValues, List<String> listPages) {

        static HostileForm on(String page) {
            return new HostileForm(page, Map.of(), List.of());
        }

        HostileForm valid(String field, String value) {
            Map<String, String> values = new LinkedHashMap<>(validValues);
            values.put(field, value);
            return new HostileForm(page, values, listPages);
        }

        HostileForm shownOn(String... pages) {
            return new HostileForm(page, validValues, List.of(pages));
        }
    }

    /** A page with filter forms, and extra query parameters it reads. */
    record HostileQuery(String page, List<String> extraParameters) {

        static HostileQuery on(String page, String... extraParameters) {
            return new HostileQuery(page, List.of(extraParameters));
        }
    }

    /** One input of a form: its name, whether it is a file input, and the value the page filled in. */
    record Field(String name, boolean file, String pageValue) {
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryFormTakesEveryPayload() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HostileForm form : FORMS) {
            Element html = postFormOn(form.page());
            String action = html.attr("action");
            List<Field> fields = fieldsOf(html);
            for (Field field : fields) {
                tests.add(dynamicTest(form.page() + " field " + field.name(), () -> attackField(form, action, fields, field, false)));
                if (field.file()) {
                    tests.add(dynamicTest(form.page() + " file name of " + field.name(),
                            () -> attackField(form, action, fields, field, true)));
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

    private static Element postFormOn(String page) {
        Response response = given().get(page);
        assertEquals(200, response.statusCode(), page);
        Element form = Jsoup.parse(response.asString()).selectFirst("form[method=post]");
        if (form == null) {
            throw new AssertionError("no POST form on " + page);
        }
        return form;
    }

    /** The named inputs of a form, without buttons and the CSRF token. */
    static List<Field> fieldsOf(Element form) {
        List<Field> fields = new ArrayList<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type").toLowerCase(Locale.ROOT);
            String name = input.attr("name");
            if (Set.of("submit", "button", "reset", "image").contains(type) || name.equals("csrf-token")) {
                continue;
            }
            String value = switch (input.normalName()) {
                case "textarea" -> input.wholeText();
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    Element option = selected != null ? selected : input.selectFirst("option");
                    yield option == null ? "" : option.attr("value");
                }
                default -> input.attr("value");
            };
            fields.add(new Field(name, type.equals("file"), value));
        }
        return fields;
    }

    private void attackField(HostileForm form, String action, List<Field> fields, Field target, boolean fileName) {
        List<String> problems = new ArrayList<>();
        Set<String> savedPages = new LinkedHashSet<>();
        for (HostilePayloads.Payload payload : HostilePayloads.ALL) {
            int n = SUBMISSION.incrementAndGet();
            Fixtures.Csrf csrf = Fixtures.csrfFrom(form.page());
            Multipart body = new Multipart().field("csrf-token", csrf.token());
            for (Field field : fields) {
                boolean hit = field.equals(target);
                if (field.file()) {
                    byte[] name = hit && fileName ? concat(payload.bytes(), ".txt") : (hit ? utf8("hostile-" + n + ".txt") : new byte[0]);
                    byte[] content = hit && !fileName ? payload.bytes() : (hit ? utf8("A harmless uploaded text, number " + n + ".") : new byte[0]);
                    body.file(field.name(), name, content);
                } else {
                    body.field(field.name(), hit ? payload.bytes() : utf8(validValue(form, field, n)));
                }
            }
            Response response = given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie())
                    .contentType(body.contentType()).body(body.bytes()).post(action);
            String where = target.name() + (fileName ? " (file name)" : "") + " = " + payload;
            check(response, payload, "POST " + action + " " + where, problems);
            if (response.statusCode() == 303) {
                String location = response.getHeader("Location");
                savedPages.add(location);
                check(given().get(location), payload, "GET " + location + " after " + where, problems);
            }
        }
        for (String page : form.listPages()) {
            check(given().get(page), null, "GET " + page + " after the " + target.name() + " payloads", problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    private void attackParameter(String action, String parameter) {
        List<String> problems = new ArrayList<>();
        for (HostilePayloads.Payload payload : HostilePayloads.ALL) {
            String url = action + "?" + parameter + "=" + percentEncoded(payload.bytes());
            Response response = given().urlEncodingEnabled(false).redirects().follow(false).get(url);
            check(response, payload, "GET " + action + "?" + parameter + "=" + payload, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    /** Status acceptable, a message on refusals, the page inert and the payload escaped. */
    private static void check(Response response, HostilePayloads.Payload payload, String what, List<String> problems) {
        int status = response.statusCode();
        String body = response.asString();
        if (!ACCEPTABLE.contains(status)) {
            problems.add(what + ": status " + status + " " + abbreviated(body));
            return;
        }
        if (status >= 400 && !body.contains("class=\"field-error\"") && !body.contains("class=\"error-page\"")) {
            problems.add(what + ": " + status + " without a message: " + abbreviated(body));
        }
        if (status == 303) {
            String location = response.getHeader("Location");
            if (location == null || !(location.startsWith("/") || location.startsWith(baseUrl()))) {
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

    private static String baseUrl() {
        return io.restassured.RestAssured.baseURI;
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
