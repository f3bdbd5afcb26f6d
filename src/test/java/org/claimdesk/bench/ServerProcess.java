package org.claimdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus app ({@code quarkus-run.jar}) started by the benchmark with {@code java -jar},
 * timed from the moment it is launched to its first rendered page, and measured in memory through
 * {@code /proc/<pid>/status} (VmRSS, resident set size). It runs in the jar's directory, as the
 * image does ({@code /deployments}), so the relative AppCDS archive path of {@code docker/jvm.options}
 * finds the archive the build wrote next to the jar.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final Process process;
    final Path log;
    final String baseUrl;
    /** Milliseconds from launch to the first 200 answer of the first page. */
    long startupMillis = -1;
    /** VmRSS in KiB right after the first page. */
    long rssAfterStartupKib = -1;

    private ServerProcess(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Launches the jar on a loopback port and waits for {@code firstPage} to answer 200.
     *
     * @param jvmOptions JVM options before {@code -jar}, e.g. {@code @/abs/docker/jvm.options} and
     *        {@code -Dquarkus.profile=prod,bench}
     * @param environment variables added to a copy of this process's environment without
     *        {@code CLAIMDESK_*} and {@code QUARKUS_*} ones
     * @throws IllegalStateException when the app exits or does not answer within {@code timeout}
     */
    static ServerProcess start(Path jar, int port, List<String> jvmOptions, Map<String, String> environment,
            Path log, String firstPage, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged app at " + jar);
        }
        Path workDir = jar.toAbsolutePath().getParent();
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        ServerProcess server = new ServerProcess(builder.start(), log, "http://localhost:" + port);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + firstPage))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = launched + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException(jar + " exited with " + server.process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    server.startupMillis = (System.nanoTime() - launched) / 1_000_000;
                    server.rssAfterStartupKib = server.rssKib();
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        server.close();
        throw new IllegalStateException(jar + " did not render " + firstPage + " within " + timeout + "; see " + log);
    }

    /** The process's resident set size now, in KiB (VmRSS of /proc/<pid>/status), or -1 when gone. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // fall through
        }
        return -1;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
