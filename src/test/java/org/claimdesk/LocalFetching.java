package org.claimdesk;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Test profile for tests that fetch from a local fixture site on 127.0.0.1: private addresses
 * are allowed (the default refuses them, see {@code claimdesk.fetch.allow-private-addresses}).
 */
public class LocalFetching implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("claimdesk.fetch.allow-private-addresses", "true");
    }
}
