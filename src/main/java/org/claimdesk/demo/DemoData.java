package org.claimdesk.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.claimdesk.account.Account;
import org.claimdesk.article.ArticleImports;
import org.claimdesk.article.ArticleText;
import org.claimdesk.article.ImportKind;
import org.jboss.logging.Logger;

/**
 * Dev mode only: on first start, imports the real seed article so the desk has something to
 * check. Never part of a production build.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {

    static final String SEED_ARTICLE = "demo/lammy-barrot-putinisation.txt";
    static final String DEMO_SUBJECT = "claimdesk:demo-data";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    ArticleImports imports;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Account.findBySubject(DEMO_SUBJECT) != null) {
            return;
        }
        Account demo = new Account();
        demo.subject = DEMO_SUBJECT;
        demo.username = "demo";
        demo.displayName = "Demo data";
        demo.createdAt = Instant.now();
        demo.persist();
        String text = ArticleText.normalise(read(SEED_ARTICLE));
        String headline = text.lines().findFirst().orElseThrow();
        imports.importText(new ArticleImports.Metadata(headline, null, null, null, null, "en"),
                text, ImportKind.UPLOAD, "lammy-barrot-putinisation.txt", demo);
        LOG.info("Demo data: imported the seed article \"" + headline + "\"");
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
