package org.claimdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.oidc.OIDCException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as an outage of the database or the sign-in service. */
class OutageTest {

    @Test
    void connectionRefusedByPostgresqlIsADatabaseOutage() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("refused"));
        assertEquals(Outage.DATABASE, Outage.of(new PersistenceException("could not open", refused)));
    }

    @Test
    void serverShuttingDownIsADatabaseOutage() {
        assertEquals(Outage.DATABASE, Outage.of(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Outage.DATABASE, Outage.of(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void hibernateConnectionExceptionAndPoolTimeoutAreDatabaseOutages() {
        assertEquals(Outage.DATABASE, Outage.of(new JDBCConnectionException("lost", new SQLException("I/O"))));
        assertEquals(Outage.DATABASE, Outage.of(new SQLTransientConnectionException("gone")));
        assertEquals(Outage.DATABASE, Outage.of(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
    }

    @Test
    void oidcFailureIsASignInOutage() {
        assertEquals(Outage.SIGN_IN, Outage.of(new RuntimeException(new OIDCException("OIDC Server is not available"))));
    }

    @Test
    void aRefusedRefreshIsNoOutage() {
        // What quarkus-oidc throws when Keycloak refuses the refresh token of an ended session.
        assertNull(Outage.of(new RuntimeException(new OIDCException(
                "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"))));
    }

    @Test
    void otherFailuresAreNoOutage() {
        assertNull(Outage.of(null));
        assertNull(Outage.of(new IllegalStateException("bug")));
        assertNull(Outage.of(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertNull(Outage.of(new SQLException("syntax error", "42601")));
    }

    @Test
    void causeCyclesEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertNull(Outage.of(a));
    }
}
