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
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import org.claimdesk.account.CurrentAccount;
import org.claimdesk.account.Role;
import org.claimdesk.claim.AnnotatedArticle;
import org.claimdesk.web.FormValues;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Article pages: the list, the import form, and one article with its text. */
@Path("/articles")
public class Articles extends HxController {

    static final int PAGE_SIZE = 50;

    @Inject
    CurrentAccount currentAccount;

    @Inject
    ArticleImports imports;

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
     * The article list, newest first, filtered by status and by words in the title or outlet. The
     * filter form's htmx requests get only the {@code results} fragment; everyone else (and htmx
     * restoring a page from history) gets the whole page.
     */
    @GET
    @Path("")
    public TemplateInstance index(@RestQuery ArticleStatus status, @RestQuery String q, @RestQuery Integer page) {
        int pageIndex = page == null || page < 0 ? 0 : page;
        List<Article> rows = Article.findForList(status, q, pageIndex, PAGE_SIZE + 1);
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<Article> shown = hasNext ? rows.subList(0, PAGE_SIZE) : rows;
        if (isHxRequest() && !"true".equals(hx(HxRequestHeader.HISTORY_RESTORE_REQUEST))) {
            return Templates.index$results(shown, status, q, pageIndex, hasNext);
        }
        return Templates.index(shown, status, q, pageIndex, hasNext);
    }

    /** The import form: paste the text or upload a file. */
    @GET
    @Path("/new")
    public TemplateInstance newArticle() {
        return Templates.newArticle(ArticleForm.empty());
    }

    /**
     * Imports an article from pasted text or an uploaded .txt/.md/.html file (max 2 MB). Answers
     * 400 (413 for a text over 200,000 characters or a file over 2 MB) with the form and every
     * typed value when a field is wrong; otherwise redirects to the article.
     */
    @POST
    @Path("")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.REVIEWER_NAME)
    public Response create(@RestForm String title, @RestForm String outlet, @RestForm String url,
            @RestForm String byline, @RestForm String publishedDate, @RestForm String language,
            @RestForm String text, @RestForm("file") FileUpload file) {
        ArticleForm form = new ArticleForm(title, outlet, url, byline, publishedDate, language, text);
        ArticleImports.Metadata metadata = checkMetadata(form);
        ImportedText imported = importedText(form, file);
        if (validation.hasErrors()) {
            return Response.status(imported.status()).entity(Templates.newArticle(form)).build();
        }
        if (metadata.title() == null) {
            metadata = withTitle(metadata, imported.suggestedTitle());
        }
        ArticleImports.Result result = imports.importText(metadata, imported.text(), imported.kind(),
                imported.name(), currentAccount.get());
        flash("message", switch (result.outcome()) {
            case CREATED -> "Article imported.";
            case REVISED -> "The article's text changed: saved as revision "
                    + result.article().currentRevision.number + "." + reanchoringSummary(result.reanchoring());
            case DUPLICATE -> "This text is already on the desk: nothing new was saved.";
        });
        return seeOther(Router.getURI(Articles::show, result.article().id));
    }

    /** One article: metadata, revision hash and the text as paragraphs. */
    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath Long id) {
        Article article = Article.findById(id);
        notFoundIfNull(article);
        return Templates.show(article, AnnotatedArticle.of(article));
    }

    private ArticleImports.Metadata checkMetadata(ArticleForm form) {
        String title = FormValues.trimmed(form.title());
        if (title != null && title.length() > Article.MAX_TITLE) {
            validation.addError("title", "The title is longer than 300 characters.");
        }
        String url = FormValues.trimmed(form.url());
        if (url != null && (url.length() > 2000 || !FormValues.isHttpUrl(url))) {
            validation.addError("url", "The article URL must be a web address starting with http:// or https://.");
        }
        String outlet = FormValues.trimmed(form.outlet());
        if (outlet != null && outlet.length() > 200) {
            validation.addError("outlet", "The outlet is longer than 200 characters.");
        }
        String byline = FormValues.trimmed(form.byline());
        if (byline != null && byline.length() > 300) {
            validation.addError("byline", "The byline is longer than 300 characters.");
        }
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

    /** The text to import and how it came; adds field errors and picks the status when refused. */
    private ImportedText importedText(ArticleForm form, FileUpload file) {
        boolean hasFile = file != null && file.fileName() != null && !file.fileName().isBlank();
        if (hasFile) {
            try {
                ArticleUpload upload = ArticleUpload.read(file.fileName(), Files.readAllBytes(file.uploadedFile()));
                requireTitle(form, upload.suggestedTitle());
                return new ImportedText(upload.text(), ImportKind.UPLOAD, file.fileName(), upload.suggestedTitle(), 400);
            } catch (ImportException e) {
                validation.addError(e.field, e.getMessage());
                return new ImportedText(null, null, null, null, e.status);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        requireTitle(form, null);
        String raw = form.text() == null ? "" : form.text();
        if (raw.length() > Article.MAX_TEXT) {
            validation.addError("text", "The text is longer than 200,000 characters. Import one article at a time.");
            return new ImportedText(null, null, null, null, 413);
        }
        String text = ArticleText.normalise(raw);
        if (text.isEmpty()) {
            validation.addError("text", "Paste the article text or choose a file to upload.");
        }
        return new ImportedText(text, ImportKind.PASTE, null, null, 400);
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

    private static ArticleImports.Metadata withTitle(ArticleImports.Metadata metadata, String title) {
        String shortened = title.length() > Article.MAX_TITLE ? title.substring(0, Article.MAX_TITLE) : title;
        return new ArticleImports.Metadata(shortened, metadata.outlet(), metadata.url(), metadata.byline(),
                metadata.publishedDate(), metadata.language());
    }

    private record ImportedText(String text, ImportKind kind, String name, String suggestedTitle, int status) {
    }
}
