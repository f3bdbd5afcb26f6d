package org.claimdesk.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the packaged application. In the production profile it first checks that every
 * setting the app cannot run without is given (as an environment variable or a {@code -D} system
 * property of the same name) and refuses to start with one clear message listing what is missing.
 * The check is skipped while the build writes the AppCDS archive ({@code -Dquarkus.appcds.generate=true}):
 * that run only loads classes and stops before connecting to anything, so it needs no settings.
 */
@QuarkusMain
public class ClaimdeskMain {

    /** Settings production needs, with what each one is. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("CLAIMDESK_DB_URL", "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/claimdesk");
        REQUIRED.put("CLAIMDESK_DB_USER", "database user");
        REQUIRED.put("CLAIMDESK_DB_PASSWORD", "database password");
        REQUIRED.put("CLAIMDESK_OIDC_URL", "Keycloak realm URL, e.g. https://sso.example.org/realms/claimdesk");
        REQUIRED.put("CLAIMDESK_OIDC_CLIENT_ID", "OIDC client id of the web app, e.g. claimdesk-web");
        REQUIRED.put("CLAIMDESK_OIDC_CLIENT_SECRET", "OIDC client secret");
        REQUIRED.put("CLAIMDESK_SESSION_SECRET", "secret of 32 or more characters that encrypts the session cookie");
    }

    public static void main(String... args) {
        if (isProductionProfile() && !Boolean.getBoolean("quarkus.appcds.generate")) {
            List<String> missing = missingSettings();
            if (!missing.isEmpty()) {
                System.err.println("Claimdesk cannot start: these settings are missing. Set them as environment variables:");
                missing.forEach(name -> System.err.println("  " + name + "  (" + REQUIRED.get(name) + ")"));
                System.exit(1);
            }
            String secret = valueOf("CLAIMDESK_SESSION_SECRET").orElse("");
            if (secret.length() < 32) {
                System.err.println("Claimdesk cannot start: CLAIMDESK_SESSION_SECRET must be at least 32 characters long.");
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /** The required settings that are neither an environment variable nor a system property. */
    static List<String> missingSettings() {
        return REQUIRED.keySet().stream().filter(name -> valueOf(name).isEmpty()).toList();
    }

    private static Optional<String> valueOf(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** True for the packaged app without another profile; false in dev mode. */
    private static boolean isProductionProfile() {
        if (isDevMode()) {
            return false;
        }
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile == null || profile.isBlank() || profile.equals("prod");
    }

    /**
     * True under {@code quarkus:dev}, which runs this method in Quarkus' own class loader (the
     * packaged app runs in its runner class loader). Quarkus sets its launch mode and profile only
     * after this method, so neither can tell yet.
     */
    private static boolean isDevMode() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null && loader.getClass().getName().equals("io.quarkus.bootstrap.classloading.QuarkusClassLoader");
    }
}
