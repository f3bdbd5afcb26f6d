package org.claimdesk.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.Fixtures;
import org.claimdesk.account.Account;
import org.claimdesk.article.Article;
import org.junit.jupiter.api.Test;

/** Double submission of a create form (the article import) makes one record. */
@QuarkusTest
@TestSecurity(user = Fixtures.ALICE, roles = "reviewer")
class FormSubmissionsTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotency-key\" value=\"([^\"]+)\"");

    private static long articleCount() {
        return QuarkusTransaction.requiringNew().call(() -> Article.count());
    }

    /** The key the import form was rendered with. */
    private static String keyOnTheForm() {
        Matcher matcher = KEY.matcher(given().get("/articles/new").asString());
        assertTrue(matcher.find(), "the import form carries an idempotency key");
        return matcher.group(1);
    }

    private static Response submit(Fixtures.Csrf csrf, String key, String url) {
        var request = given().redirects().follow(false)
                .cookie("claimdesk-csrf", csrf.cookie())
                .multiPart("csrf-token", csrf.token())
                .multiPart("title", "Submitted twice")
                .multiPart("url", url)
                .multiPart("language", "en")
                .multiPart("text", "A text sent twice by a double click " + url, "text/plain; charset=UTF-8");
        if (key != null) {
            request.multiPart(FormSubmissions.FIELD, key);
        }
        return request.post("/articles");
    }

    private static String uniqueUrl() {
        return "https://double.example/" + UUID.randomUUID();
    }

    @Test
    void theSameFormSubmittedTwiceImportsOneArticleAndSendsBothToIt() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        String key = keyOnTheForm();
        String url = uniqueUrl();
        long before = articleCount();

        Response first = submit(csrf, key, url);
        Response second = submit(csrf, key, url);

        assertEquals(303, first.statusCode(), first.asString());
        assertEquals(303, second.statusCode(), second.asString());
        assertEquals(first.getHeader("Location"), second.getHeader("Location"));
        assertEquals(before + 1, articleCount());
        given().cookies(second.getCookies()).get(second.getHeader("Location")).then().statusCode(200)
                .body(containsString("Article imported."));
    }

    @Test
    void twoSubmissionsAtTheSameMomentImportOneArticle() throws Exception {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        String key = keyOnTheForm();
        String url = uniqueUrl();
        long before = articleCount();
        ExecutorService clicks = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            Callable<Response> click = () -> submit(csrf, key, url);
            for (int i = 0; i < 4; i++) {
                responses.add(clicks.submit(click));
            }
            String location = null;
            for (Future<Response> response : responses) {
                assertEquals(303, response.get().statusCode(), response.get().asString());
                location = location == null ? response.get().getHeader("Location") : location;
                assertEquals(location, response.get().getHeader("Location"));
            }
        } finally {
            clicks.shutdown();
        }
        assertEquals(before + 1, articleCount());
    }

    @Test
    void eachRenderedFormGetsItsOwnKey() {
        assertTrue(!keyOnTheForm().equals(keyOnTheForm()));
    }

    @Test
    void aRefusedSubmissionDoesNotUseUpTheKey() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        String key = keyOnTheForm();
        String url = uniqueUrl();
        given().redirects().follow(false).cookie("claimdesk-csrf", csrf.cookie()).multiPart("csrf-token", csrf.token())
                .multiPart(FormSubmissions.FIELD, key).multiPart("title", "No text").multiPart("text", " ")
                .post("/articles").then().statusCode(400);
        long before = articleCount();

        assertEquals(303, submit(csrf, key, url).statusCode());
        assertEquals(before + 1, articleCount());
    }

    @Test
    void formsWithoutAKeyStillWork() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        long before = articleCount();
        assertEquals(303, submit(csrf, null, uniqueUrl()).statusCode());
        assertEquals(before + 1, articleCount());
    }

    @Test
    void aMalformedKeyIsRefused() {
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        long before = articleCount();
        Response response = submit(csrf, "<script>not-a-key</script>", uniqueUrl());
        assertEquals(400, response.statusCode());
        assertTrue(response.asString().contains("reload the page"), response.asString());
        assertEquals(before, articleCount());
    }

    @Test
    void someoneElsesKeyIsRefused() {
        UUID bobsKey = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Account bob = new Account();
            bob.subject = "key-owner-" + bobsKey;
            bob.username = "keyowner";
            bob.displayName = "Key Owner";
            bob.createdAt = Instant.now();
            bob.persist();
            FormSubmission submission = new FormSubmission();
            submission.idempotencyKey = bobsKey;
            submission.accountId = bob.id;
            submission.resultUri = "/articles/1";
            submission.createdAt = Instant.now();
            submission.persist();
        });
        Fixtures.Csrf csrf = Fixtures.csrfFrom("/articles/new");
        long before = articleCount();
        Response response = submit(csrf, bobsKey.toString(), uniqueUrl());
        assertEquals(400, response.statusCode());
        assertNotNull(response.asString());
        assertEquals(before, articleCount());
    }
}
