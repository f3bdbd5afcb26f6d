package org.claimdesk.web;

import io.quarkus.arc.Unremovable;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * Per-request values the layout needs on every page, error pages included. Templates read it as
 * {@code {inject:page...}}.
 */
@Unremovable
@Named("page")
@RequestScoped
public class PageContext {

    @Inject
    CsrfTokenParameterProvider csrf;

    /**
     * A fresh random key for a create form's hidden idempotency field (see {@link FormSubmissions});
     * each call returns a new one.
     */
    public String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * The CSRF token for htmx requests (sent in the {@code X-CSRF-TOKEN} header), or an empty string
     * on responses the CSRF filter did not prepare, such as error pages.
     */
    public String csrfToken() {
        try {
            String token = csrf.getToken();
            return token == null ? "" : token;
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
