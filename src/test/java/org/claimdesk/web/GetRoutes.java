package org.claimdesk.web;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.mapping.URITemplate;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The GET routes the running application serves, read from Quarkus REST's own routing table
 * (so routes Renarde derives from method names are included), limited to Claimdesk's classes.
 */
public final class GetRoutes {

    /**
     * One GET route.
     *
     * @param template the path template, e.g. {@code /articles/{id}}
     * @param pattern a regular expression matching the paths it serves
     * @param method the Java method serving it, e.g. {@code Articles#show}
     */
    public record Route(String template, Pattern pattern, String method) {

        /** True when the route has path parameters, e.g. an id. */
        public boolean hasParameters() {
            return template.contains("{");
        }
    }

    private GetRoutes() {
    }

    /** Every GET route served by a class in {@code org.claimdesk}. Call inside a {@code @QuarkusTest}. */
    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> classPath
                : ResteasyReactiveRecorder.getCurrentDeployment().getClassMappers()) {
            for (ServerRestHandler handler : classPath.value.handlers) {
                if (!(handler instanceof ClassRoutingHandler routing) || routing.getMappers().get("GET") == null) {
                    continue;
                }
                for (RequestMapper.RequestPath<RuntimeResource> methodPath : routing.getMappers().get("GET").getTemplates()) {
                    RuntimeResource resource = methodPath.value;
                    if (!resource.getResourceClass().getName().startsWith("org.claimdesk.")) {
                        continue;
                    }
                    String template = join(classPath.template.template, methodPath.template.template);
                    Pattern pattern = regex(classPath.template, methodPath.template);
                    routes.add(new Route(template, pattern,
                            resource.getResourceClass().getSimpleName() + "#" + resource.getJavaMethodName()));
                }
            }
        }
        return routes;
    }

    /** The paths a class template followed by a method template matches, with or without a final slash. */
    private static Pattern regex(URITemplate... templates) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (URITemplate template : templates) {
            for (URITemplate.TemplateComponent component : template.components) {
                if (component.type == URITemplate.Type.LITERAL) {
                    literal.append('/').append(component.literalText);
                    continue;
                }
                regex.append(Pattern.quote(slashes(literal.append('/').toString())));
                literal.setLength(0);
                regex.append(component.type == URITemplate.Type.CUSTOM_REGEX ? "(?:" + component.pattern.pattern() + ")" : "[^/]+");
            }
        }
        String tail = slashes(literal.toString());
        if (tail.endsWith("/") && (regex.length() > 0 || tail.length() > 1)) {
            tail = tail.substring(0, tail.length() - 1);
        }
        return Pattern.compile(regex + (tail.isEmpty() ? "" : Pattern.quote(tail)) + "/?");
    }

    private static String slashes(String path) {
        return path.replaceAll("/+", "/");
    }

    private static String join(String classTemplate, String methodTemplate) {
        String joined = (classTemplate + "/" + methodTemplate).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
