package org.claimdesk.article;

import io.quarkiverse.renarde.htmx.HxController;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.claim.AnnotatedArticle;
import org.claimdesk.fetch.Fetcher;
import org.claimdesk.web.FormSubmissions;
import org.claimdesk.web.FormValues;
import org.claimdesk.web.QueryParameters;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Article pages: the list, the import form, and one article with its text. */
@Path("/articles")
public class Articles extends HxController {

    static final int PAGE_SIZE = 50;

    /** Longest accepted search words, in characters. */
    static final int MAX_QUERY = 500;

    @Inject
    CurrentAccount currentAccount;

    @Inject
    ArticleImports imports;

    @Inject
    Fetcher fetcher;

    @Inject
    FormSubmissions submissions;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Article> articles, ArticleStatus status, String q, int page,
                boolean hasNext);

        static native TemplateInstance index$results(List<Article> articles, ArticleStatus status, String q, int page,
                boolean hasNext);

        static native TemplateInstance newArticle(ArticleForm form);

        static native TemplateInstance show(Article article, AnnotatedArticle page);
    }

    /**
     * The article list, newest first, filtered by status and by words in the title or outlet.
     * Search words over {@value #MAX_QUERY} characters or with control characters, a status that is
     * not an {@link ArticleStatus} name, or a page that is not a whole number answer 400 with the
     * list's form and a message naming the parameter. The
     * filter form's htmx requests get only the {@code results} fragment; everyone else (and htmx
     * restoring a page from history) gets the whole page.
     */
    @GET
    @Path("")
    public Response index(@RestQuery("status") String statusParam, @RestQuery String q, @RestQuery("page") String pageParam) {
        Map<String, String> problems = new LinkedHashMap<>();
        ArticleStatus status = QueryParameters.choice("status", statusParam, ArticleStatus.class, problems);
        Integer page = QueryParameters.whole("page", pageParam, 0, Integer.MAX_VALUE, problems);
        problems.forEach(validation::addError);
        int pageIndex = page == null ? 0 : page;
        String query = FormValues.trimmed(q);
        refuseIf("q", FormValues.lineProblem(query, "search", MAX_QUERY));
        List<Article> rows = validation.hasErrors() ? List.of() : Article.findForList(status, query, pageIndex, PAGE_SIZE + 1);
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<Article> shown = hasNext ? rows.subList(0, PAGE_SIZE) : rows;
        int httpStatus = validation.hasErrors() ? 400 : 200;
        if (isHxRequest() && !"true".equals(hx(HxRequestHeader.HISTORY_RESTORE_REQUEST))) {
            return Response.status(httpStatus).entity(Templates.index$results(shown, status, q, pageIndex, hasNext)).build();
        }
        return Response.status(httpStatus).entity(Templates.index(shown, status, q, pageIndex, hasNext)).build();
    }

    /** The import form: paste the text, upload a file, or fetch it from the article URL. */
    @GET
    @Path("/new")
    public TemplateInstance newArticle() {
        return Templates.newArticle(ArticleForm.empty());
    }

    /**
     * Imports an article from pasted text, an uploaded .txt/.md/.html file (max 2 MB), or the page
     * at its URL ({@code fetch} set; fetched within the {@code claimdesk.fetch} limits, the page's
     * title, site name and date filling the fields left empty). Answers 400 (413 for a text over
     * 200,000 characters or a file over 2 MB) with the form and every typed value when a field is
     * wrong or the page cannot be fetched; otherwise redirects to the article.
     * The same form sent twice (same idempotency key) imports once and redirects both times to the article.
     */
    @POST
    @Path("")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm String title, @RestForm String outlet, @RestForm String url,
            @RestForm String byline, @RestForm String publishedDate, @RestForm String language,
            @RestForm String text, @RestForm("file") FileUpload file, @RestForm String fetch,
            @RestForm(FormSubmissions.FIELD) String idempotencyKey) {
        ArticleForm form = new ArticleForm(title, outlet, url, byline, publishedDate, language, text, fetch);
        ArticleImports.Metadata checked = checkMetadata(form);
        ImportedText imported = importedText(form, file);
        if (validation.hasErrors()) {
            return Response.status(imported.status()).entity(Templates.newArticle(form)).build();
        }
        ArticleImports.Metadata metadata = withSuggestions(checked, imported);
        FormSubmissions.Outcome done = submissions.once(idempotencyKey, currentAccount.get(),
                () -> outcomeOf(imports.importText(metadata, imported.text(), imported.kind(), imported.name(),
                        currentAccount.get())));
        flash("message", done.message());
        return seeOther(done.location());
    }

    /** One article: metadata, revision hash and the text as paragraphs. */
    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath Long id) {
        Article article = Article.findForPage(id);
        notFoundIfNull(article);
        return Templates.show(article, AnnotatedArticle.of(article));
    }

    private ArticleImports.Metadata checkMetadata(ArticleForm form) {
        String title = FormValues.trimmed(form.title());
        refuseIf("title", FormValues.lineProblem(title, "title", Article.MAX_TITLE));
        String url = FormValues.trimmed(form.url());
        if (url != null && (url.length() > 2000 || !FormValues.isHttpUrl(url))) {
            validation.addError("url", "The article URL must be a web address starting with http:// or https://.");
        }
        String outlet = FormValues.trimmed(form.outlet());
        refuseIf("outlet", FormValues.lineProblem(outlet, "outlet", 200));
        String byline = FormValues.trimmed(form.byline());
        refuseIf("byline", FormValues.lineProblem(byline, "byline", 300));
        LocalDate published = null;
        try {
            published = FormValues.isoDate(form.publishedDate());
        } catch (DateTimeParseException e) {
            validation.addError("publishedDate", "The published date must be a date such as 2024-11-22 (year-month-day).");
        }
        String language = FormValues.trimmed(form.language());
        if (language == null) {
            language = "en";
        } else if (!FormValues.isLanguageTag(language)) {
            validation.addError("language", "The language must be a language code such as en, fr or pt-BR.");
        }
        return new ArticleImports.Metadata(title, outlet, url, byline, published, language);
    }

    private void refuseIf(String field, String problem) {
        if (problem != null) {
            validation.addError(field, problem);
        }
    }

    /** The text to import and how it came; adds field errors and picks the status when refused. */
    private ImportedText importedText(ArticleForm form, FileUpload file) {
        boolean hasFile = file != null && file.fileName() != null && !file.fileName().isBlank();
        if (form.fetchesUrl()) {
            return fetchedText(form, hasFile);
        }
        if (hasFile) {
            try {
                String name = FormValues.fileName(file.fileName());
                ArticleUpload upload = ArticleUpload.read(name, Files.readAllBytes(file.uploadedFile()));
                requireTitle(form, upload.suggestedTitle());
                return new ImportedText(upload.text(), ImportKind.UPLOAD, name, upload.suggestedTitle(), 400);
            } catch (ImportException e) {
                validation.addError(e.field, e.getMessage());
                return refusedText(e.status);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        requireTitle(form, null);
        String text = ArticleText.normalise(form.text() == null ? "" : form.text());
        if (text.length() > Article.MAX_TEXT) {
            validation.addError("text", "The text is longer than 200,000 characters. Import one article at a time.");
            return refusedText(413);
        }
        if (text.isEmpty()) {
            validation.addError("text", "Paste the article text or choose a file to upload.");
        }
        return new ImportedText(text, ImportKind.PASTE, null, null, 400);
    }

    /** The text of the page at the article URL; adds field errors when it cannot be had. */
    private ImportedText fetchedText(ArticleForm form, boolean hasFile) {
        if (hasFile || FormValues.trimmed(form.text()) != null) {
            validation.addError("text", "Paste the text, upload a file or fetch the URL: choose one.");
            return refusedText(400);
        }
        String url = FormValues.trimmed(form.url());
        if (url == null) {
            validation.addError("url", "Give the article URL to fetch its text from.");
        }
        if (url == null || validation.hasError("url")) {
            return refusedText(400);
        }
        try {
            ArticlePage page = ArticlePage.fetch(fetcher, url);
            requireTitle(form, page.suggestedTitle());
            return new ImportedText(page.text(), ImportKind.URL, page.finalUrl(), page.suggestedTitle(), 400,
                    page.suggestedOutlet(), page.suggestedDate());
        } catch (ImportException e) {
            validation.addError(e.field, e.getMessage());
            return refusedText(e.status);
        }
    }

    private static String reanchoringSummary(java.util.Map<String, Integer> outcomes) {
        if (outcomes.isEmpty()) {
            return "";
        }
        StringBuilder summary = new StringBuilder(" Claims re-anchored:");
        outcomes.forEach((outcome, count) -> summary.append(' ').append(count).append(' ')
                .append(outcome.equals("fuzzy") ? "moved (please confirm)" : outcome).append(','));
        summary.setLength(summary.length() - 1);
        return summary.append('.').toString();
    }

    private void requireTitle(ArticleForm form, String suggestion) {
        if (FormValues.trimmed(form.title()) == null && FormValues.trimmed(suggestion) == null) {
            validation.addError("title", "The title is required.");
        }
    }

    /** The metadata with the fields left empty filled from what the imported text suggests. */
    private static ArticleImports.Metadata withSuggestions(ArticleImports.Metadata metadata, ImportedText imported) {
        return new ArticleImports.Metadata(
                metadata.title() != null ? metadata.title() : shortened(imported.suggestedTitle(), Article.MAX_TITLE),
                metadata.outlet() != null ? metadata.outlet() : shortened(imported.suggestedOutlet(), 200),
                metadata.url(), metadata.byline(),
                metadata.publishedDate() != null ? metadata.publishedDate() : imported.suggestedDate(),
                metadata.language());
    }

    private static FormSubmissions.Outcome outcomeOf(ArticleImports.Result result) {
        return new FormSubmissions.Outcome(Router.getURI(Articles::show, result.article().id), switch (result.outcome()) {
            case CREATED -> "Article imported.";
            case REVISED -> "The article's text changed: saved as revision "
                    + result.article().currentRevision.number + "." + reanchoringSummary(result.reanchoring());
            case DUPLICATE -> "This text is already on the desk: nothing new was saved.";
        });
    }

    private static String shortened(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static ImportedText refusedText(int status) {
        return new ImportedText(null, null, null, null, status);
    }

    private record ImportedText(String text, ImportKind kind, String name, String suggestedTitle, int status,
            String suggestedOutlet, LocalDate suggestedDate) {

        ImportedText(String text, ImportKind kind, String name, String suggestedTitle, int status) {
            this(text, kind, name, suggestedTitle, status, null, null);
        }
    }
}
