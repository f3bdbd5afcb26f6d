package org.claimdesk.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL (embedded binaries, random port) for tests of the packaged application, handed
 * to it through the same settings production uses.
 */
public class ProductionDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "CLAIMDESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "CLAIMDESK_DB_USER", "postgres",
                "CLAIMDESK_DB_PASSWORD", "postgres",
                "CLAIMDESK_OIDC_URL", "http://127.0.0.1:9/realms/claimdesk",
                "CLAIMDESK_OIDC_CLIENT_ID", "claimdesk-web",
                "CLAIMDESK_OIDC_CLIENT_SECRET", "test-secret",
                "CLAIMDESK_SESSION_SECRET", "integration-test-session-secret-0123456789");
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
