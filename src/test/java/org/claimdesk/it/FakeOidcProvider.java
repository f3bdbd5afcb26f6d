package org.claimdesk.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider for tests of the packaged app, standing in for Keycloak: the
 * realm's discovery document, its signing key, an authorization endpoint that signs in the
 * configured person at once, and a token endpoint issuing RS256-signed ID and access tokens with
 * Keycloak's {@code realm_access.roles} claim.
 */
public final class FakeOidcProvider implements AutoCloseable {

    /** The client id the app is configured with. */
    public static final String CLIENT_ID = "claimdesk-web";

    private final HttpServer server;
    private final KeyPair keys;
    private final String kid = UUID.randomUUID().toString();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    /** Who the authorization endpoint signs in next: subject/username and realm role. */
    public volatile String user = "carol";
    public volatile String role = "admin";

    private FakeOidcProvider(HttpServer server) throws GeneralSecurityException {
        this.server = server;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    /** Starts the provider on a free port of 127.0.0.1. */
    public static FakeOidcProvider start() throws IOException, GeneralSecurityException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeOidcProvider provider = new FakeOidcProvider(server);
        server.createContext("/realms/claimdesk/", provider::handle);
        server.start();
        return provider;
    }

    /** The realm URL, what {@code CLAIMDESK_OIDC_URL} is set to. */
    public String realmUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/claimdesk";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/realms/claimdesk".length());
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, discovery());
                case "/protocol/openid-connect/certs" -> json(exchange, jwks());
                case "/protocol/openid-connect/auth" -> authorize(exchange);
                case "/protocol/openid-connect/token" -> token(exchange);
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String discovery() {
        String realm = realmUrl();
        return "{\"issuer\":\"" + realm + "\",\"authorization_endpoint\":\"" + realm + "/protocol/openid-connect/auth\","
                + "\"token_endpoint\":\"" + realm + "/protocol/openid-connect/token\","
                + "\"jwks_uri\":\"" + realm + "/protocol/openid-connect/certs\","
                + "\"end_session_endpoint\":\"" + realm + "/protocol/openid-connect/logout\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + base64Url(unsigned(key.getModulus())) + "\",\"e\":\"" + base64Url(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    /** Signs the configured person in without a login page and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, user + " " + role + " " + query.getOrDefault("nonce", ""));
        String redirect = query.get("redirect_uri");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException, GeneralSecurityException {
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = form.get("code") != null ? codes.remove(form.get("code")) : codes.get("refresh:" + form.get("refresh_token"));
        if (grant == null) {
            byte[] body = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        String[] parts = grant.split(" ", 3);
        String refresh = UUID.randomUUID().toString();
        codes.put("refresh:" + refresh, grant);
        json(exchange, "{\"access_token\":\"" + jwt(parts[0], parts[1], null) + "\",\"id_token\":\""
                + jwt(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2]) + "\",\"refresh_token\":\"" + refresh
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private String jwt(String subject, String role, String nonce) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + realmUrl() + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + CLIENT_ID + "\",\"azp\":\""
                + CLIENT_ID + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"preferred_username\":\"" + subject
                + "\",\"name\":\"" + subject + " Tester\",\"email\":\"" + subject + "@claimdesk.test\","
                + "\"realm_access\":{\"roles\":[\"" + role + "\"]}" + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"") + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature.sign());
    }

    private static void json(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            parameters.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The URI of this provider's authorization endpoint, for assertions. */
    public URI authorizationEndpoint() {
        return URI.create(realmUrl() + "/protocol/openid-connect/auth");
    }
}
