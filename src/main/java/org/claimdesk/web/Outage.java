package org.claimdesk.web;

import io.quarkus.oidc.OIDCException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * A service Claimdesk depends on that cannot be reached right now, recognised from the exception
 * a request failed with. Such failures are answered with a 503 page that says what is down and
 * that nothing saved is lost, instead of a 500 with an error id.
 */
public enum Outage {

    /** PostgreSQL is stopped, unreachable, or refuses new connections. */
    DATABASE("The database is unavailable",
            "Claimdesk cannot reach its database right now. Nothing you saved is lost, but what you just did "
                    + "was not saved. Try again in a minute."),

    /** The OpenID Connect provider (Keycloak) cannot be reached, so nobody can sign in. */
    SIGN_IN("The sign-in service is unavailable",
            "Claimdesk cannot reach the sign-in service (Keycloak) right now, so you cannot sign in. "
                    + "Nothing you saved is lost. Try again in a few minutes; if it lasts, tell your admin.");

    /** Seconds a client is asked to wait before trying again ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 30;

    /** The page title, e.g. "The database is unavailable". */
    public final String title;

    /** What happened and what to do, in plain words. */
    public final String message;

    Outage(String title, String message) {
        this.title = title;
        this.message = message;
    }

    /**
     * The outage a failure points to, looking through its whole cause chain.
     *
     * @param failure any exception; may be null
     * @return the outage, or null when the failure is not caused by an unreachable service
     */
    public static Outage of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isOidcFailure(cause)) {
                return SIGN_IN;
            }
            if (isDatabaseConnectionFailure(cause)) {
                return DATABASE;
            }
        }
        return null;
    }

    /**
     * True for JDBC failures that mean the connection to the database is gone or cannot be made:
     * SQLState class 08 (connection exception), 57P01-57P03 (server shutting down or starting),
     * connection exception types, Hibernate's {@code JDBCConnectionException}, and a pool that
     * timed out waiting for a connection.
     */
    static boolean isDatabaseConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof JDBCConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"))) {
                return true;
            }
            // The connection pool gives up waiting for a connection with a plain SQLException
            // caused by a TimeoutException.
            return sql.getCause() instanceof TimeoutException;
        }
        return false;
    }

    /**
     * True for the OIDC extension's failure to reach or use the provider. Not when the provider
     * answered {@code invalid_grant} (RFC 6749, 5.2), as Keycloak does when a session cookie's
     * refresh token belongs to a Keycloak session that has ended: that person only needs to sign
     * in again, and Quarkus sends them to the sign-in page when the failure is passed on.
     * (quarkus-oidc puts the provider's error answer, a JSON object, in the exception message.)
     */
    static boolean isOidcFailure(Throwable cause) {
        return cause instanceof OIDCException && !String.valueOf(cause.getMessage()).contains("\"invalid_grant\"");
    }
}
