package org.claimdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sentences of generated news text for the benchmark: Zipf-distributed words (see
 * {@link Vocabulary}) with numbers, commas and clauses, and the small edits that make a planted
 * near-duplicate of a claim. Everything depends only on the random generator passed in, so a fixed
 * seed gives the same text.
 */
final class BenchText {

    /** The kinds of edit that turn an original claim into a planted near-duplicate. */
    enum Edit {
        WORD_SWAPPED, NUMBER_CHANGED, CLAUSES_REORDERED, WORD_REPLACED
    }

    private final Vocabulary vocabulary;

    BenchText(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * A sentence of {@code min} to {@code max} words (numbers included), capitalised, with a comma
     * between two clauses and a full stop.
     */
    String sentence(SplittableRandom random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        List<String> tokens = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            tokens.add(random.nextInt(9) == 0 ? number(random) : vocabulary.next(random));
        }
        if (random.nextInt(5) == 0) {
            // one word from the rare tail: names, places and terms that make a claim findable
            tokens.set(random.nextInt(length), vocabulary.rare(random, vocabulary.rareFrom()));
        }
        if (length >= 8 && random.nextInt(3) > 0) {
            int comma = 3 + random.nextInt(length - 5);
            tokens.set(comma, tokens.get(comma) + ",");
        }
        return capitalised(String.join(" ", tokens)) + ".";
    }

    /** A number as news text writes it: a count, a year, a percentage, an amount. */
    static String number(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(2 + random.nextInt(998));
            case 1 -> Integer.toString(1900 + random.nextInt(127));
            case 2 -> random.nextInt(100) + "%";
            case 3 -> (1 + random.nextInt(99)) / 10.0 + " million";
            default -> Integer.toString(10 + random.nextInt(90));
        };
    }

    /**
     * A short summary of a quote (schema.org claimReviewed): a run of its words, without the final
     * full stop, capitalised, at most {@code maxChars} characters.
     */
    static String summary(String quote, SplittableRandom random, int maxChars) {
        String[] words = quote.substring(0, quote.length() - 1).replace(",", "").split(" ");
        int count = Math.min(words.length, 7 + random.nextInt(6));
        int start = words.length == count ? 0 : random.nextInt(words.length - count + 1);
        StringBuilder summary = new StringBuilder();
        for (int i = start; i < start + count; i++) {
            if (summary.length() + words[i].length() + 1 > maxChars) {
                break;
            }
            if (!summary.isEmpty()) {
                summary.append(' ');
            }
            summary.append(words[i]);
        }
        return capitalised(summary.toString());
    }

    /** The text with one small edit of the given kind (falling back to a swap when it does not apply). */
    String edited(String text, Edit edit, SplittableRandom random) {
        boolean fullStop = text.endsWith(".");
        String body = fullStop ? text.substring(0, text.length() - 1) : text;
        String[] words = body.split(" ");
        String result = switch (edit) {
            case NUMBER_CHANGED -> numberChanged(words, random);
            case CLAUSES_REORDERED -> clausesReordered(body);
            case WORD_REPLACED -> wordReplaced(words, random);
            case WORD_SWAPPED -> null;
        };
        if (result == null || result.equals(body)) {
            result = wordSwapped(words, random);
        }
        return capitalised(result) + (fullStop ? "." : "");
    }

    private static String numberChanged(String[] words, SplittableRandom random) {
        for (int i = 0; i < words.length; i++) {
            String digits = words[i].replaceAll("[^0-9]", "");
            if (!digits.isEmpty() && digits.length() <= 6 && words[i].matches("[0-9.%,]+")) {
                int value = Integer.parseInt(digits);
                String changed = Integer.toString(value + 1 + random.nextInt(9));
                words[i] = words[i].replaceFirst("[0-9]+", changed);
                return String.join(" ", words);
            }
        }
        return null;
    }

    private static String clausesReordered(String body) {
        int comma = body.indexOf(", ");
        if (comma < 0) {
            return null;
        }
        String first = body.substring(0, comma);
        String second = body.substring(comma + 2);
        return second + ", " + lowercasedStart(first);
    }

    private String wordReplaced(String[] words, SplittableRandom random) {
        int i = random.nextInt(words.length);
        boolean comma = words[i].endsWith(",");
        words[i] = vocabulary.next(random) + (comma ? "," : "");
        return String.join(" ", words);
    }

    private static String wordSwapped(String[] words, SplittableRandom random) {
        if (words.length < 3) {
            return String.join(" ", words) + " again";
        }
        int i = 1 + random.nextInt(words.length - 2);
        String a = words[i].replace(",", "");
        String b = words[i + 1].replace(",", "");
        boolean commaA = words[i].endsWith(",");
        boolean commaB = words[i + 1].endsWith(",");
        words[i] = b + (commaA ? "," : "");
        words[i + 1] = a + (commaB ? "," : "");
        return String.join(" ", words);
    }

    static String capitalised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text.substring(Character.charCount(first))).toString();
    }

    private static String lowercasedStart(String text) {
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        // names (capitalised inside the vocabulary) keep their capital
        if (word.length() > 1 && Character.isUpperCase(word.charAt(1))) {
            return text;
        }
        return word.toLowerCase(Locale.ROOT) + (space < 0 ? "" : text.substring(space));
    }
}
