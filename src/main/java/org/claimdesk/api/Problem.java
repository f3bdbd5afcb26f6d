package org.claimdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An error of the JSON API as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title the HTTP status phrase, e.g. "Bad Request"
 * @param status the HTTP status code
 * @param detail what went wrong in this request, in words a person can act on
 * @param instance the path of the request that failed
 * @param errors for invalid input: a message per field name (an extension member); else null
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457: Problem Details for HTTP APIs</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The path prefix of the JSON API; errors under it are answered as problem details. */
    public static final String API_PATH = "/api/";

    /**
     * Names the problem of fields that are missing or wrong; {@link #errors} says which. A tag URI
     * (RFC 4151): an identifier, not a page to fetch.
     */
    public static final String INVALID_FIELDS = "tag:claimdesk.example,2026:problems/invalid-fields";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A problem with no particular type, for a status and a detail (null detail: the status phrase). */
    public static Problem of(int status, String detail, String instance) {
        String title = title(status);
        return new Problem("about:blank", title, status, detail == null ? title + "." : detail, instance, null);
    }

    /** A 400 problem listing what is wrong with each field. */
    public static Problem invalid(Map<String, String> errors, String instance) {
        return new Problem(INVALID_FIELDS, title(400), 400, "Some fields are missing or wrong: see errors.", instance, errors);
    }

    /**
     * A 400 problem listing the query parameters that cannot be used, by name (same type and
     * {@code errors} member as {@link #invalid}).
     */
    public static Problem invalidParameters(Map<String, String> errors, String instance) {
        return new Problem(INVALID_FIELDS, title(400), 400, "Some query parameters are wrong: see errors.", instance, errors);
    }

    /** True when the path belongs to the JSON API. */
    public static boolean isApiPath(String path) {
        return path != null && path.startsWith(API_PATH);
    }

    /** This problem as a response with its status and {@link #MEDIA_TYPE}. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }

    /** This problem as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem always serialises", e);
        }
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Server Error" : "Client Error";
    }
}
