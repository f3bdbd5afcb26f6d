package org.claimdesk.audit;

import io.quarkiverse.renarde.Controller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.stream.Collectors;
import org.claimdesk.account.Account;
import org.claimdesk.web.ErrorPages;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The desk's audit log: every recorded change, newest first, filterable by person, range of UTC
 * days, kind of object and article, keyset-paged, and exportable as CSV with the same filters.
 * Anyone signed in may read it (DESIGN.md: everyone on the desk can audit how claims were handled).
 */
@Path("/audit")
public class AuditLog extends Controller {

    @Inject
    AuditLogSearch search;

    @Inject
    HistoryTables tables;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AuditLogFilter filter, AuditLogSearch.Page page, Long before,
                List<Account> people, List<HistoryTables.Kind> kinds, String query, String error);
    }

    /**
     * One page of the log. Query parameters: {@code person} (account id or "system"), {@code from}
     * and {@code to} (UTC days, yyyy-MM-dd, inclusive), {@code kind}, {@code article} (id), and
     * {@code before} (revision id keyset of the page). A value that is not understood answers 400
     * with the form and a message.
     */
    @GET
    @Path("")
    public Response index(@RestQuery String person, @RestQuery String from, @RestQuery String to, @RestQuery String kind,
            @RestQuery String article, @RestQuery String before) {
        List<Account> people = Account.list("order by displayName, id");
        AuditLogFilter filter;
        Long keyset;
        try {
            filter = AuditLogFilter.parse(person, from, to, kind, article, kindNames());
            keyset = before == null || before.isBlank() ? null : parseKeyset(before);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Templates.index(AuditLogFilter.NONE, new AuditLogSearch.Page(List.of(), null),
                    null, people, tables.kinds(), "", e.getMessage())).build();
        }
        return Response.ok(Templates.index(filter, search.page(filter, keyset), keyset, people, tables.kinds(),
                filter.queryString(), null)).build();
    }

    /** Every change matching the filter (same parameters as the page, without paging) as a streamed CSV file. */
    @GET
    @Path("/export")
    public Response export(@RestQuery String person, @RestQuery String from, @RestQuery String to, @RestQuery String kind,
            @RestQuery String article) {
        AuditLogFilter filter;
        try {
            filter = AuditLogFilter.parse(person, from, to, kind, article, kindNames());
        } catch (IllegalArgumentException e) {
            return ErrorPages.page(400, e.getMessage());
        }
        StreamingOutput csv = output -> search.exportCsv(filter, output);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"claimdesk-audit-log.csv\"").build();
    }

    private java.util.Set<String> kindNames() {
        return tables.kinds().stream().map(HistoryTables.Kind::name).collect(Collectors.toSet());
    }

    private static Long parseKeyset(String before) {
        if (!before.strip().matches("\\d{1,18}")) {
            throw new IllegalArgumentException("The page link is not valid; start again from the newest changes.");
        }
        return Long.valueOf(before.strip());
    }
}
