package org.claimdesk.web;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Base64;
import org.jsoup.nodes.Element;

/**
 * What the tests of re-shown forms ({@link ExpiredFormsTest}, {@link ExpiredSessionsTest}) do as a
 * browser would: read a form's values and send it again.
 */
final class ResentForms {

    private ResentForms() {
    }

    /** Sends the page's form as a browser would: every named input and text area. */
    static Response resend(Element form, RequestSpecification request) {
        for (Element input : form.select("input[name], textarea[name]")) {
            request = request.formParam(input.attr("name"), value(input));
        }
        return request.post(form.attr("action"));
    }

    /**
     * What a browser sends for an input or text area: a text area's content without the one line
     * break that may follow its start tag (HTML parsing drops it; jsoup keeps it).
     */
    static String value(Element input) {
        if (!input.tagName().equals("textarea")) {
            return input.val();
        }
        String text = input.wholeText();
        return text.startsWith("\n") ? text.substring(1) : text;
    }

    /** A well-formed CSRF token that is not the cookie's: what a form rendered before the cookie was replaced carries. */
    static String otherToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
