package org.claimdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of generated benchmark text, ranked by frequency, drawn with a Zipf distribution
 * (probability of rank r proportional to 1 / r^{@value #EXPONENT}).
 *
 * <p>The top ranks are the words of the real seed article, most frequent first (so "the", "of",
 * "and" lead, as in English news text), followed by generated English-looking words (syllables
 * plus common endings such as "-tion", "-ment", "-ing"), built from a fixed seed without any
 * download. The rank of a word says how rare it is: words past rank {@link #rareFrom()} occur in
 * only a few dozen to a few hundred claims of a million, which is what "rare terms" searches use.
 */
public final class Vocabulary {

    /** Zipf exponent; about 1 for English word frequencies. */
    public static final double EXPONENT = 1.0;

    private static final String ARTICLE = "demo/lammy-barrot-putinisation.txt";
    private static final String[] ONSETS = {"b", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl",
        "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sl", "sp", "st", "str", "t",
        "th", "tr", "v", "w", "wh", "y", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "oa", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "rk", "ck", "ld"};
    private static final String[] ENDINGS = {"", "", "", "", "tion", "ment", "ing", "ed", "er", "ly", "ity", "al",
        "ous", "ive", "ance", "ence", "ist", "ism", "ure", "age"};

    private final String[] words;
    private final double[] cumulative;
    private final int articleWords;

    private Vocabulary(String[] words, int articleWords) {
        this.words = words;
        this.articleWords = articleWords;
        this.cumulative = new double[words.length];
        double sum = 0;
        for (int rank = 1; rank <= words.length; rank++) {
            sum += 1 / Math.pow(rank, EXPONENT);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /**
     * The real article's words followed by generated ones, {@code size} words in all.
     *
     * @param size number of distinct words, at least the article's own (about 400)
     * @param seed the generator seed; the same seed gives the same list
     */
    public static Vocabulary build(int size, long seed) {
        List<String> ranked = articleWordsByFrequency();
        Set<String> all = new LinkedHashSet<>(ranked);
        int fromArticle = all.size();
        Random random = new Random(seed);
        while (all.size() < size) {
            all.add(syntheticWord(random));
        }
        return new Vocabulary(all.toArray(String[]::new), fromArticle);
    }

    private static String syntheticWord(Random random) {
        StringBuilder word = new StringBuilder();
        int syllables = 1 + random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            if (i == syllables - 1) {
                word.append(CODAS[random.nextInt(CODAS.length)]);
            }
        }
        return word.append(ENDINGS[random.nextInt(ENDINGS.length)]).toString();
    }

    /** The article's words, lowercased unless only ever written capitalised (names), most frequent first. */
    static List<String> articleWordsByFrequency() {
        String text;
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(ARTICLE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + ARTICLE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (String token : text.split("[^\\p{L}\\p{N}'’-]+")) {
            String word = token.replaceAll("^['’-]+|['’-]+$", "").replace('’', '\'');
            if (word.isEmpty() || word.chars().allMatch(Character::isDigit)) {
                continue;
            }
            String key = word.toLowerCase(java.util.Locale.ROOT);
            counts.merge(key, 1, Integer::sum);
            // keep the capitalised spelling only while the word has never been seen in lowercase
            spelling.merge(key, word, (old, now) -> old.equals(key) || now.equals(key) ? key : old);
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return keys.stream().map(spelling::get).toList();
    }

    /** A word drawn with the Zipf distribution. */
    public String next(SplittableRandom random) {
        return words[rankOf(random.nextDouble())];
    }

    /** A word drawn uniformly from the ranks at or after {@code fromRank} (0-based): a rare word. */
    public String rare(SplittableRandom random, int fromRank) {
        return words[fromRank + random.nextInt(words.length - fromRank)];
    }

    private int rankOf(double u) {
        int index = Arrays.binarySearch(cumulative, u);
        return Math.min(index >= 0 ? index : -index - 1, words.length - 1);
    }

    /** The 0-based rank of a word, or -1 when it is not in the list. */
    public int rank(String word) {
        if (ranks == null) {
            Map<String, Integer> built = new HashMap<>(words.length * 2);
            for (int i = 0; i < words.length; i++) {
                built.put(words[i], i);
            }
            ranks = built;
        }
        return ranks.getOrDefault(word, -1);
    }

    private Map<String, Integer> ranks;

    /** The first rank counted as rare: past the first 40 % of the list. */
    public int rareFrom() {
        return (int) (words.length * 0.4);
    }

    /** Number of distinct words. */
    public int size() {
        return words.length;
    }

    /** How many of the top ranks come from the real article. */
    public int articleWords() {
        return articleWords;
    }
}
