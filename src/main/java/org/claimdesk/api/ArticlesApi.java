package org.claimdesk.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Articles in the JSON API: metadata, and the text of each revision (what claims anchor into). */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Articles")
public class ArticlesApi {

    /**
     * An article.
     *
     * @param language BCP 47 tag
     * @param currentRevision the revision claims are anchored in now
     */
    public record ArticleJson(long id, String title, String outlet, String url, String byline, LocalDate publishedDate,
            String language, String status, RevisionJson currentRevision, Instant createdAt) {

        static ArticleJson of(Article article) {
            return new ArticleJson(article.id, article.title, article.outlet, article.url, article.byline,
                    article.publishedDate, article.language, article.status.name(),
                    article.currentRevision == null ? null : RevisionJson.of(article.currentRevision, false),
                    article.createdAt);
        }
    }

    /**
     * A text revision.
     *
     * @param sha256 lowercase hex SHA-256 of the text's UTF-8 bytes
     * @param length the text's length in Unicode code points
     * @param text the text (NFC, {@code \n} line ends); only when the revision itself is asked for
     * @param href the path of this revision with its text
     */
    public record RevisionJson(int number, String sha256, int length, String text, Instant createdAt, String href) {

        static RevisionJson of(ArticleRevision revision, boolean withText) {
            return new RevisionJson(revision.number, revision.sha256, revision.length, withText ? revision.text : null,
                    revision.createdAt, "/api/v1/articles/" + revision.article.id + "/revisions/" + revision.number);
        }
    }

    /**
     * Articles by id, a page at a time ({@code after}: the last id of the previous page;
     * {@code limit}: rows per page). A 400 problem naming the parameter when either is not a whole number.
     */
    @GET
    @Operation(summary = "List articles")
    public ApiPage<ArticleJson> list(@RestQuery @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String after,
            @RestQuery @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String limit) {
        Map<String, String> problems = new LinkedHashMap<>();
        ApiPage.Paging paging = ApiPage.paging(after, limit, problems);
        ApiPage.refuseIfAny(problems, "/api/v1/articles");
        int size = paging.limit();
        return ApiPage.of(Article.<Article>find("select a from Article a left join fetch a.currentRevision where a.id > ?1"
                + " order by a.id", paging.after()).page(0, size + 1).list(), size, ArticleJson::of,
                a -> a.id, "/api/v1/articles?");
    }

    /** One article; 404 problem when there is none. */
    @GET
    @Path("/{id}")
    @Operation(summary = "Get an article")
    public ArticleJson get(@RestPath long id) {
        Article article = Article.find("select a from Article a left join fetch a.currentRevision where a.id = ?1", id)
                .firstResult();
        if (article == null) {
            throw new NotFoundException();
        }
        return ArticleJson.of(article);
    }

    /** One revision of an article with its text; 404 problem when there is none. */
    @GET
    @Path("/{id}/revisions/{number}")
    @Operation(summary = "Get an article revision with its text")
    public RevisionJson revision(@RestPath long id, @RestPath int number) {
        ArticleRevision revision = ArticleRevision.find("article.id = ?1 and number = ?2", id, number).firstResult();
        if (revision == null) {
            throw new NotFoundException();
        }
        return RevisionJson.of(revision, true);
    }
}
