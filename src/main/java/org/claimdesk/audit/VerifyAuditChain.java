package org.claimdesk.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The history chain check from the command line, for a production database: plain JDBC, no
 * application start. Run it with
 *
 * <pre>
 * CLAIMDESK_DB_URL=jdbc:postgresql://db:5432/claimdesk CLAIMDESK_DB_USER=claimdesk CLAIMDESK_DB_PASSWORD=… \
 *   ./mvnw -q compile exec:java -Dexec.mainClass=org.claimdesk.audit.VerifyAuditChain
 * </pre>
 *
 * The JDBC URL and user may also be given as the first and second argument; the password is read
 * only from {@code CLAIMDESK_DB_PASSWORD} (or none), so it stays out of the process list. Prints
 * one line (see {@link AuditChainVerifier.Report#message()}) and exits with 0 when the chain is
 * intact, 1 when it is broken, 2 when the database cannot be read.
 */
public final class VerifyAuditChain {

    private VerifyAuditChain() {
    }

    /**
     * Checks the chain and exits.
     *
     * @param args optional: the JDBC URL, then the database user
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Checks the chain of the database named by the arguments or the environment.
     *
     * @param args optional JDBC URL and user
     * @param environment where {@code CLAIMDESK_DB_URL}, {@code CLAIMDESK_DB_USER} and {@code CLAIMDESK_DB_PASSWORD} are read
     * @return the exit status: 0 intact, 1 broken, 2 the database could not be read
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = args.length > 0 ? args[0] : environment.get("CLAIMDESK_DB_URL");
        String user = args.length > 1 ? args[1] : environment.get("CLAIMDESK_DB_USER");
        if (url == null || url.isBlank()) {
            err.println("Usage: VerifyAuditChain [jdbc-url [user]]  (or set CLAIMDESK_DB_URL, CLAIMDESK_DB_USER;"
                    + " the password is read from CLAIMDESK_DB_PASSWORD)");
            return 2;
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        String password = environment.get("CLAIMDESK_DB_PASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "claimdesk-verify-audit-chain");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            AuditChainVerifier.Report report = AuditChainVerifier.verify(connection);
            (report.intact() ? out : err).println(report.message());
            return report.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("Cannot check the history chain: " + e.getMessage());
            return 2;
        }
    }
}
