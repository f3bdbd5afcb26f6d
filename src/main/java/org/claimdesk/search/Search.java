package org.claimdesk.search;

import io.quarkiverse.renarde.Controller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.claimdesk.account.Account;
import org.claimdesk.article.Article;
import org.claimdesk.verdict.RatingLevel;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.web.QueryParameters;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The Search page: full-text search over claims, verdict explanations, article titles and source
 * titles with filters, ranked and highlighted, a page at a time (keyset pagination); and the CSV
 * export of any search.
 */
@Path("/search")
public class Search extends Controller {

    /** Results per page. */
    static final int PAGE_SIZE = 20;

    /** How many of the newest articles the article filter lists (a chosen older one is added). */
    static final int ARTICLE_CHOICES = 200;

    @Inject
    ClaimSearch claimSearch;

    /**
     * What the filter form offers.
     *
     * @param ratings rating labels of the current scale
     * @param people everyone on the desk, for the assignee filter
     * @param articles the newest articles, for the article filter
     */
    public record Choices(List<RatingLevel> ratings, List<Account> people, List<Article> articles) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SearchQuery query, Map<String, String> problems, SearchPage results,
                boolean first, Choices choices);
    }

    /**
     * The search page. Words use web search syntax: {@code "a phrase"}, {@code -word},
     * {@code or}. Unusable parameters answer 400 with the form and a message per field.
     *
     * @param after the cursor of the previous page's last row (see {@link SearchCursor})
     */
    @GET
    @Path("")
    public Response index(@RestQuery String q, @RestQuery String status, @RestQuery String rating,
            @RestQuery String claimant, @RestQuery String tag, @RestQuery String assignee, @RestQuery String from,
            @RestQuery String to, @RestQuery String article, @RestQuery String after) {
        SearchQuery.Parsed parsed = SearchQuery.parse(q, status, rating, claimant, tag, assignee, from, to, article);
        SearchCursor cursor = SearchCursor.parse(after);
        if (after != null && !after.isBlank() && cursor == null) {
            QueryParameters.refuse("after", after, SearchCursor.EXPECTED, parsed.problems());
        }
        if (!parsed.problems().isEmpty()) {
            return Response.status(400).entity(Templates.index(parsed.query(), parsed.problems(), SearchPage.none(),
                    true, choices(parsed.query()))).build();
        }
        SearchPage page = claimSearch.page(parsed.query(), cursor, PAGE_SIZE);
        return Response.ok(Templates.index(parsed.query(), parsed.problems(), page, cursor == null,
                choices(parsed.query()))).build();
    }

    /**
     * Every result of a search as CSV (RFC 4180, UTF-8, see {@link ClaimsCsv}), streamed from the
     * database as it is written. Same parameters as the page; unusable ones answer 400 with the page.
     */
    @GET
    @Path("/claims.csv")
    public Response csv(@RestQuery String q, @RestQuery String status, @RestQuery String rating,
            @RestQuery String claimant, @RestQuery String tag, @RestQuery String assignee, @RestQuery String from,
            @RestQuery String to, @RestQuery String article) {
        SearchQuery.Parsed parsed = SearchQuery.parse(q, status, rating, claimant, tag, assignee, from, to, article);
        if (!parsed.problems().isEmpty()) {
            return Response.status(400).entity(Templates.index(parsed.query(), parsed.problems(), SearchPage.none(),
                    true, choices(parsed.query()))).build();
        }
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            ClaimsCsv csv = new ClaimsCsv(writer);
            QuarkusTransaction.requiringNew().run(() -> claimSearch.forEach(parsed.query(), csv::write));
            csv.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"claims.csv\"").build();
    }

    private static Choices choices(SearchQuery query) {
        List<Article> articles = new java.util.ArrayList<>(Article.findForList(null, null, 0, ARTICLE_CHOICES));
        if (query.articleId() != null && articles.stream().noneMatch(a -> a.id.equals(query.articleId()))) {
            Article chosen = Article.findById(query.articleId());
            if (chosen != null) {
                articles.add(0, chosen);
            }
        }
        return new Choices(RatingScale.currentLevels(), Account.list("order by displayName, id"), articles);
    }
}
