package org.claimdesk.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app, production profile) as an operator runs it:
 * {@code java -jar} from another directory, configured through environment variables only.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    final int port;
    final Path log;
    private final Process process;

    private PackagedApp(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the app with exactly these {@code CLAIMDESK_*} settings and waits until it answers.
     *
     * @throws AssertionError when it exits or does not answer within 90 s, with its log
     */
    static PackagedApp start(Map<String, String> env) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("claimdesk-run");
        Path log = workDir.resolve("app.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", JAR.toString()))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(env);
        PackagedApp app = new PackagedApp(port, log, builder.start());
        app.awaitLandingPage();
        return app;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitLandingPage() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited: " + log());
            }
            try {
                client.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the app did not answer within 90 s: " + log());
    }

    /** Stops the app and removes its working directory (failure messages carry the log already). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
            Files.deleteIfExists(log.getParent());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
