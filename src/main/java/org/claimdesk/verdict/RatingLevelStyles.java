package org.claimdesk.verdict;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rating badges' colours as a stylesheet: one class per rating level ({@code .rating-level-12 {
 * --rating: #b3261e; }}), for every scale version, since a verdict keeps the level it was given
 * under. Badges use the class instead of a {@code style} attribute, which the
 * Content-Security-Policy forbids. Linked from the layout for signed-in people.
 */
@Path("/rating-levels.css")
public class RatingLevelStyles {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** The stylesheet ({@code text/css}); levels whose colour is not {@code #rrggbb} are left out. */
    @GET
    @Path("")
    public Response stylesheet() {
        StringBuilder css = new StringBuilder("/* Rating badge colours, from the rating scales. */\n");
        List<RatingLevel> levels = RatingLevel.listAll(Sort.by("id"));
        for (RatingLevel level : levels) {
            if (level.colour != null && COLOUR.matcher(level.colour).matches()) {
                css.append(".rating-level-").append(level.id).append(" { --rating: ").append(level.colour).append("; }\n");
            }
        }
        return Response.ok(css.toString(), "text/css;charset=UTF-8").header("Cache-Control", "no-cache").build();
    }
}
