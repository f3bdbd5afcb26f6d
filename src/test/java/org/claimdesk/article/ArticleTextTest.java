package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.claimdesk.Fixtures;
import org.junit.jupiter.api.Test;

/** Plain unit tests of text normalisation and of reading uploaded files. */
class ArticleTextTest {

    @Test
    void normaliseComposesToNfcUnifiesLineEndsAndTrimsLines() {
        String decomposed = "Jean-Noe\u0308l  \r\n\r\n  Barrot\t \rsaid\u2028so\uFEFF";
        assertEquals("Jean-Noël\nBarrot\nsaid\nso", ArticleText.normalise(decomposed));
    }

    @Test
    void normaliseKeepsTheRealArticleLinesAndDropsNothingElse() {
        String text = ArticleText.normalise(Fixtures.realArticle());
        assertEquals(28, text.split("\n").length);
        assertTrue(text.startsWith("David Lammy and Jean-Noël Barrot"));
        assertTrue(text.endsWith("Yesterday"));
    }

    @Test
    void sha256IsOfTheUtf8Bytes() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ArticleText.sha256(""));
        assertEquals(64, ArticleText.sha256("Noël 😀").length());
    }

    @Test
    void codePointLengthCountsAstralCharactersOnce() {
        assertEquals(5, ArticleText.codePointLength("Noël😀"));
        assertEquals(6, "Noël😀".length());
    }

    @Test
    void htmlPageGivesTheSameTextAsThePlainFile() {
        assertEquals(ArticleText.normalise(Fixtures.realArticle()), ArticleText.fromHtml(Fixtures.realArticleAsHtmlPage()));
    }

    @Test
    void htmlDropsScriptsNavigationAndStylesAndKeepsParagraphs() {
        String html = "<body><nav>Menu</nav><script>alert(1)</script><style>p{}</style><div><p>One <b>bold</b> line.</p>"
                + "<ul><li>First</li><li>Second</li></ul>Loose text<br>after break</div><footer>Footer</footer></body>";
        assertEquals("One bold line.\nFirst\nSecond\nLoose text\nafter break", ArticleText.fromHtml(html));
    }

    @Test
    void markdownParagraphsBecomeLinesWithoutMarkup() {
        String markdown = "# Headline here\n\nFirst **bold** paragraph\nwrapped on two lines.\n\n> A [quoted](https://x.example) line\n\n- item one\n";
        assertEquals("Headline here\nFirst bold paragraph wrapped on two lines.\nA quoted line\nitem one",
                ArticleText.fromMarkdown(markdown));
    }

    @Test
    void uploadRefusesUnknownTypesAndInvalidUtf8() {
        ImportException type = assertThrows(ImportException.class, () -> ArticleUpload.read("a.docx", new byte[] {1}));
        assertEquals("file", type.field);
        ImportException encoding = assertThrows(ImportException.class,
                () -> ArticleUpload.read("a.txt", "Noël".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(encoding.getMessage().contains("not valid UTF-8"));
    }

    @Test
    void uploadSuggestsTheFirstLineOfATextFileAsTitle() {
        ArticleUpload upload = ArticleUpload.read("a.txt", Fixtures.resourceBytes(Fixtures.REAL_ARTICLE));
        assertEquals("David Lammy and Jean-Noël Barrot warn of risk of attempted 'Putinisation' of the world", upload.suggestedTitle());
    }
}
