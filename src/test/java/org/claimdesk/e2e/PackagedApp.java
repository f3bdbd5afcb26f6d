package org.claimdesk.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged Claimdesk ({@code target/quarkus-app}) in the production profile, started with
 * {@code java -jar} from a scratch directory and configured only through its environment
 * variables, as an operator runs it.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the app on a loopback port without waiting for it; call {@link #awaitReady} before use.
     *
     * @param environment the {@code CLAIMDESK_*} settings
     * @param log         file that receives the app's output
     */
    static PackagedApp start(int port, Map<String, String> environment, Path log) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No packaged app at " + JAR + ": run the suite through ./mvnw verify.");
        }
        Processes.requireFreePort(port, "Claimdesk", "e2e.app.port");
        Path workDir = Files.createTempDirectory("claimdesk-e2e");
        ProcessBuilder builder = new ProcessBuilder(List.of(Processes.javaBinary(), "-Xmx384m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", JAR.toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        return new PackagedApp(builder.start(), log, port);
    }

    /** Waits until the app reports itself ready (database reachable, migrations applied). */
    void awaitReady(Duration timeout) {
        Processes.awaitOk(baseUrl() + "/q/health/ready", process, log, timeout, "Claimdesk");
    }

    /**
     * The URL people open, e.g. {@code http://localhost:8092}. It says "localhost", not 127.0.0.1
     * as Keycloak's does, so the app's and Keycloak's cookies live on different hosts as they would
     * in production.
     */
    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
