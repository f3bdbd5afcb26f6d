package org.claimdesk.claim;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Suggests which sentences of an article are worth checking, with a score and the reasons for it.
 *
 * <p>The text is read line by line (a line is a paragraph). Lines that are not body text are
 * dropped: the headline (a first line without sentence-final punctuation), headings and scraping
 * leftovers (lines of fewer than {@value #MIN_HEADING_WORDS} words without sentence-final
 * punctuation), bylines ("By ..."), and boilerplate ("Share", "Advertisement", "Read more",
 * copyright lines). The remaining lines are split into sentences with ICU4J's sentence
 * {@link BreakIterator} for English, with breaks after common abbreviations suppressed.
 *
 * <p>Each sentence is scored from 0 to 100: the sum of the points of its {@link Reason}s, cut to
 * that range. Checkable detail scores up: numbers, quantities with units, dates, named entities,
 * attributed statements and comparisons. Questions, opinions, predictions, quoted speech without
 * numbers or dates, and very short sentences score down. The word lists are English; the scorer
 * is a transparent heuristic that helps a person choose, not a classifier.
 */
public final class CheckWorthiness {

    /** Lines without sentence-final punctuation and with fewer words than this are headings. */
    static final int MIN_HEADING_WORDS = 8;

    /** Sentences with fewer words than this score down as too short to hold a claim. */
    static final int MIN_SENTENCE_WORDS = 6;

    /** English, with sentence breaks after abbreviations such as "Mr." and "U.S." suppressed. */
    private static final ULocale SENTENCE_LOCALE = new ULocale("en@ss=standard");

    /** Why a sentence scored up or down, with the points each reason gives. */
    public enum ReasonCode {
        /**
         * Digits or number words ("four", "thousands") outside dates: +10, +4 for each further
         * one, at most +18.
         */
        NUMBER,
        /**
         * A number with a unit, currency or percentage ("122mm", "£5bn", "billions of euros"):
         * +12, +4 for each further one, at most +20.
         */
        QUANTITY,
        /**
         * Years (1900-2099), year ranges (counted as two dates), day-month dates, month and
         * weekday names: +12, +6 for each further one; relative dates ("last year"): +4 each;
         * at most +20.
         */
        DATE,
        /**
         * Runs of capitalised words not at the start of the sentence, and acronyms ("UNIFIL",
         * "G20", "COP28"): +6 each, at most +24.
         */
        NAMED_ENTITY,
        /** A statement attributed to someone ("said", "according to", "claimed"): +8. */
        ATTRIBUTION,
        /** A comparison ("more than", "deeper", superlatives): +8, +3 for each further one, at most +12. */
        COMPARISON,
        /** A question rather than a statement: -20. */
        QUESTION,
        /** Opinion or judgement ("I think", "very important"): -10, -5 for each further one, at most -25. */
        OPINION,
        /** A prediction or plan ("will", "expected to"): -10, -5 for each further one, at most -20. */
        PREDICTION,
        /** Mostly (half or more) quoted speech with no number, quantity or date in it: -15. */
        QUOTED_SPEECH,
        /** Fewer than {@value CheckWorthiness#MIN_SENTENCE_WORDS} words: -15. */
        SHORT
    }

    /**
     * One reason for a score.
     *
     * @param code what kind of reason, never null
     * @param explanation a sentence for people naming the words that matched, never null
     * @param points what the reason adds to the score; negative when it lowers it
     */
    public record Reason(ReasonCode code, String explanation, int points) {

        /**
         * Checks the components.
         *
         * @param code what kind of reason, not null
         * @param explanation a sentence for people naming the words that matched, not null
         * @param points what the reason adds to the score
         * @throws NullPointerException if {@code code} or {@code explanation} is null
         */
        public Reason {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * A sentence suggested as a claim, with its place in the article text.
     *
     * @param start code point offset in the article text where the sentence starts, inclusive
     * @param end code point offset just after the sentence, exclusive
     * @param sentence the sentence, exactly the article text from {@code start} to {@code end},
     *     without surrounding white space; never null
     * @param score the check-worthiness, 0 to 100
     * @param reasons why the sentence scored as it did, in {@link ReasonCode} order; never null,
     *     unmodifiable, empty when nothing matched
     */
    public record Suggestion(int start, int end, String sentence, int score, List<Reason> reasons) {

        /**
         * Checks the components and makes {@code reasons} unmodifiable.
         *
         * @param start code point offset of the sentence in the article text, inclusive
         * @param end code point offset just after the sentence, exclusive
         * @param sentence the sentence, not null
         * @param score the check-worthiness, 0 to 100
         * @param reasons why it scored so, not null; copied
         * @throws NullPointerException if {@code sentence} or {@code reasons} is null
         */
        public Suggestion {
            Objects.requireNonNull(sentence, "sentence");
            reasons = List.copyOf(reasons);
        }
    }

    private CheckWorthiness() {
    }

    /**
     * Splits an article into sentences and scores each one.
     *
     * @param articleText the article text, NFC-normalised with {@code \n} line ends; not null
     * @return one suggestion per body sentence, highest score first and, among equal scores, in
     *     the order of the text; never null, empty for a text without body sentences
     * @throws NullPointerException if {@code articleText} is null
     */
    public static List<Suggestion> suggest(String articleText) {
        Objects.requireNonNull(articleText, "articleText");
        List<Span> sentences = bodySentences(articleText);
        Set<String> names = namesUsedInsideSentences(articleText, sentences);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Span span : sentences) {
            String sentence = articleText.substring(span.startChar, span.endChar);
            List<Reason> reasons = reasons(sentence, names);
            suggestions.add(new Suggestion(CodePoints.toCodePointIndex(articleText, span.startChar),
                    CodePoints.toCodePointIndex(articleText, span.endChar), sentence, total(reasons), reasons));
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparingInt(Suggestion::start));
        return suggestions;
    }

    /**
     * Scores one sentence taken on its own, for example a claim a person typed. Without the rest
     * of the article, a capitalised first word does not count as a name.
     *
     * @param sentence one sentence, not null
     * @return the suggestion spanning the whole sentence (start 0, end its length in code points)
     * @throws NullPointerException if {@code sentence} is null
     */
    public static Suggestion assess(String sentence) {
        Objects.requireNonNull(sentence, "sentence");
        List<Reason> reasons = reasons(sentence, Set.of());
        return new Suggestion(0, CodePoints.length(sentence), sentence, total(reasons), reasons);
    }

    private static int total(List<Reason> reasons) {
        int sum = reasons.stream().mapToInt(Reason::points).sum();
        return Math.max(0, Math.min(100, sum));
    }

    // ---------------------------------------------------------------- lines and sentences

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’»)\\]]*$");

    private static final Pattern BYLINE = Pattern.compile("^By\\s+\\p{Lu}.*");

    private static final Pattern BOILERPLATE = wordPattern(
            "^(share( this( article| page| story)?)?|advertisement|read more\\b.*|related( topics| articles)?"
                    + "|more on this story|sign up\\b.*|subscribe\\b.*|follow us\\b.*|image (source|caption)\\b.*"
                    + "|getty images|copyright\\b.*|.*©.*|.*\\(c\\) (19|20)\\d\\d.*|.*all rights reserved.*)$");

    /** A sentence's place in the article, in chars (converted to code points at the end). */
    private record Span(int startChar, int endChar) {
    }

    private static List<Span> bodySentences(String text) {
        List<Span> sentences = new ArrayList<>();
        boolean firstLine = true;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            String line = text.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty()) {
                boolean headline = firstLine && !endsSentence(line);
                if (!headline && !isHeadingOrBoilerplate(line)) {
                    addSentences(text, lineStart, lineEnd, sentences);
                }
                firstLine = false;
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static boolean endsSentence(String line) {
        return SENTENCE_END.matcher(line).find();
    }

    private static boolean isHeadingOrBoilerplate(String line) {
        boolean finalPunctuation = endsSentence(line);
        if (!finalPunctuation && wordCount(line) < MIN_HEADING_WORDS) {
            return true;
        }
        return BOILERPLATE.matcher(line).matches() || (!finalPunctuation && BYLINE.matcher(line).matches());
    }

    private static void addSentences(String text, int lineStart, int lineEnd, List<Span> sentences) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(SENTENCE_LOCALE);
        String line = text.substring(lineStart, lineEnd);
        breaks.setText(line);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int from = lineStart + start;
            int to = lineStart + end;
            while (from < to && CodePoints.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && CodePoints.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                sentences.add(new Span(from, to));
            }
        }
    }

    private static int wordCount(String text) {
        return (int) WORD.matcher(text).results().count();
    }

    // ---------------------------------------------------------------- reasons

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

    private static List<Reason> reasons(String sentence, Set<String> names) {
        List<Reason> reasons = new ArrayList<>();
        Set<String> dates = matches(DATE, sentence);
        Set<String> relativeDates = matches(RELATIVE_DATE, sentence);
        Set<String> numbers = numbers(sentence, dates);
        Set<String> quantities = matches(QUANTITY, sentence);
        addIfFound(reasons, ReasonCode.NUMBER, numbers, 10, 4, 18, "gives numbers");
        addIfFound(reasons, ReasonCode.QUANTITY, quantities, 12, 4, 20, "gives quantities");
        addDateReason(reasons, dates, relativeDates);
        addIfFound(reasons, ReasonCode.NAMED_ENTITY, namedEntities(sentence, names), 6, 6, 24,
                "names people, places or organisations");
        addIfFound(reasons, ReasonCode.ATTRIBUTION, matches(ATTRIBUTION, sentence), 8, 0, 8,
                "attributes a statement to someone");
        addIfFound(reasons, ReasonCode.COMPARISON, comparisons(sentence), 8, 3, 12, "makes a comparison");
        if (QUESTION.matcher(sentence).find()) {
            reasons.add(new Reason(ReasonCode.QUESTION, "asks a question rather than stating something", -20));
        }
        addIfFound(reasons, ReasonCode.OPINION, matches(OPINION, sentence), -10, -5, -25,
                "expresses an opinion or judgement");
        addIfFound(reasons, ReasonCode.PREDICTION, matches(PREDICTION, sentence), -10, -5, -20,
                "predicts or announces plans");
        boolean facts = !numbers.isEmpty() || !quantities.isEmpty() || !dates.isEmpty();
        int quoted = quotedPercentage(sentence);
        if (!facts && quoted >= 50) {
            reasons.add(new Reason(ReasonCode.QUOTED_SPEECH, "mostly quoted speech (" + quoted
                    + "% of the sentence) with no number, quantity or date", -15));
        }
        int words = wordCount(sentence);
        if (words < MIN_SENTENCE_WORDS) {
            reasons.add(new Reason(ReasonCode.SHORT, "only " + words + (words == 1 ? " word" : " words"), -15));
        }
        return reasons;
    }

    /**
     * Adds the DATE reason: 12 points for the first specific date and 6 for each further one (a
     * range such as "1940-1944" names two), 4 for each relative date such as "last year", at most
     * 20 in all.
     */
    private static void addDateReason(List<Reason> reasons, Set<String> dates, Set<String> relativeDates) {
        int specific = dates.stream().mapToInt(date -> YEAR_RANGE.matcher(date).matches() ? 2 : 1).sum();
        int points = (specific == 0 ? 0 : 12 + 6 * (specific - 1)) + 4 * relativeDates.size();
        Set<String> all = new LinkedHashSet<>(dates);
        all.addAll(relativeDates);
        if (!all.isEmpty()) {
            reasons.add(new Reason(ReasonCode.DATE, "gives dates: " + quoted(all), Math.min(points, 20)));
        }
    }

    /**
     * Adds a reason when something matched: {@code first} points for the first match, {@code
     * more} for each further one, never beyond {@code limit} (a floor when the points are
     * negative).
     */
    private static void addIfFound(List<Reason> reasons, ReasonCode code, Set<String> found,
            int first, int more, int limit, String verb) {
        if (found.isEmpty()) {
            return;
        }
        int points = first + more * (found.size() - 1);
        points = first > 0 ? Math.min(points, limit) : Math.max(points, limit);
        reasons.add(new Reason(code, verb + ": " + quoted(found), points));
    }

    private static String quoted(Set<String> words) {
        return words.stream().map(word -> "\"" + word + "\"").collect(Collectors.joining(", "));
    }

    /**
     * Compiles a case-insensitive pattern whose {@code \\b} word boundaries and classes follow
     * Unicode on every JDK.
     */
    private static Pattern wordPattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static Set<String> matches(Pattern pattern, String sentence) {
        Set<String> found = new LinkedHashSet<>();
        pattern.matcher(sentence).results().forEach(match -> found.add(match.group()));
        return found;
    }

    // numbers, quantities and dates

    private static final String MONTH_ALONE = "(?:January|February|March|April|June|July|August|September"
            + "|October|November|December)";

    /** Month names and abbreviations, for dates with a day or year; "May" alone is too ambiguous. */
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September"
            + "|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)";

    private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?";

    private static final String YEAR = "(?:19|20)\\d\\d";

    private static final Pattern YEAR_RANGE = Pattern.compile(YEAR + "\\s*[-–—]\\s*(?:" + YEAR + "|\\d\\d)");

    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";

    /** Dates naming a day, month or year; longer forms first so that they win. */
    private static final Pattern DATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
            + DAY + "\\s+" + MONTH + "(?:\\s+" + YEAR + ")?"
            + "|" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?"
            + "|" + MONTH + "\\s+" + YEAR
            + "|" + YEAR_RANGE.pattern()
            + "|" + YEAR + "s?"
            + "|" + MONTH_ALONE
            + "|" + WEEKDAY
            + ")(?![\\p{L}\\p{N}])");

    private static final Pattern RELATIVE_DATE = wordPattern(
            "\\b(?:yesterday|today|tomorrow|tonight"
                    + "|(?:last|this|next|earlier this|later this|in recent|recent) (?:week|month|year|decade|weeks|months|years|decades)"
                    + "|(?:week|month|year)s? ago)\\b");

    private static final String NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?"
            + "|half|twice|double|triple|quadruple";

    private static final Pattern NUMBER = wordPattern(
            "(?<![\\p{L}\\p{N}])(?:\\d+(?:[.,]\\d+)*|(?:" + NUMBER_WORDS + ")(?!-))(?![\\p{L}\\p{N}])");

    private static final String UNIT = "mm|cm|km|m|kg|g|mg|t|bn|tn|mn|k|ft|lb|lbs|mph|kph|km/h|gw|mw|kw|kwh|twh"
            + "|°c|°f|%|per ?cent|percent|percentage points?|billion|million|trillion|thousand|hundred"
            + "|tonnes|tons|metres|meters|kilometres|kilometers|miles|litres|liters|barrels|degrees|hectares"
            + "|acres|euros|dollars|pounds|yen|yuan|rubles|roubles";

    private static final Pattern QUANTITY = wordPattern(
            "(?:[£$€¥]\\s?\\d+(?:[.,]\\d+)*(?:\\s?(?:bn|m|k|billion|million|trillion)\\b)?"
                    + "|(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*\\s?(?:" + UNIT + ")(?![\\p{L}\\p{N}])"
                    + "|\\b(?:hundreds|thousands|millions|billions|trillions|dozens|tens) of \\p{L}+)");

    /** Numbers that are not part of a date already found. */
    private static Set<String> numbers(String sentence, Set<String> dates) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(sentence);
        while (matcher.find()) {
            String number = matcher.group();
            boolean inDate = dates.stream().anyMatch(date -> containsWord(date, number));
            if (!inDate) {
                found.add(number);
            }
        }
        return found;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    // named entities

    /** Capitalised words that start sentences and clauses but are not names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They", "You", "I",
            "His", "Her", "Our", "Their", "My", "Your", "But", "And", "Or", "So", "If", "In", "On", "At", "Of",
            "For", "To", "From", "With", "By", "As", "After", "Before", "When", "While", "Since", "There",
            "Here", "What", "Who", "Why", "How", "Both", "All", "Some", "Many", "Several", "Mr", "Mrs", "Ms",
            "Dr", "Yes", "No", "Not", "More", "Most", "Less", "Also", "However", "Meanwhile", "Yet", "Then");

    private static final Pattern CAPITALISED = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{N}]*(?:[-’'][\\p{L}\\p{N}]+)*");

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}\\p{N}*|\\p{Lu}+\\p{N}+");

    private static final Pattern LOWER_CASE_PART = Pattern.compile("-\\p{Ll}");

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    /**
     * Finds names: runs of capitalised words, such as "Carlton Gardens" or "Italy's Defence
     * Ministry", and acronyms. A capitalised first word counts only when it is an acronym or a
     * name the article also uses inside a sentence; dates are left to the DATE reason.
     */
    private static Set<String> namedEntities(String sentence, Set<String> names) {
        Set<String> entities = new LinkedHashSet<>();
        List<Word> words = WORD.matcher(sentence).results().map(Word::of).toList();
        StringBuilder entity = new StringBuilder();
        int previousEnd = -1;
        for (int i = 0; i < words.size(); i++) {
            Word word = nameHead(words.get(i));
            String bare = POSSESSIVE.matcher(word.text).replaceAll("");
            boolean name = CAPITALISED.matcher(word.text).matches() && !NOT_NAMES.contains(bare)
                    && !DATE.matcher(bare).matches()
                    && (i > 0 || ACRONYM.matcher(bare).matches() || names.contains(bare));
            boolean joined = entity.length() > 0 && sentence.substring(previousEnd, word.start).equals(" ");
            if (name && joined && !POSSESSIVE.matcher(entity).find()) {
                entity.append(' ').append(word.text);
            } else {
                addEntity(entities, entity);
                if (name) {
                    entity.append(word.text);
                }
            }
            previousEnd = word.end;
        }
        addEntity(entities, entity);
        return entities;
    }

    /** Cuts a hyphenated word at its first lower-case part: "US-supplied" becomes "US". */
    private static Word nameHead(Word word) {
        Matcher lowerPart = LOWER_CASE_PART.matcher(word.text);
        if (!lowerPart.find()) {
            return word;
        }
        return new Word(word.text.substring(0, lowerPart.start()), word.start, word.start + lowerPart.start());
    }

    private static void addEntity(Set<String> entities, StringBuilder entity) {
        if (entity.length() > 0) {
            entities.add(POSSESSIVE.matcher(entity).replaceAll(""));
            entity.setLength(0);
        }
    }

    /** Capitalised words the article uses after the first word of a sentence. */
    private static Set<String> namesUsedInsideSentences(String text, List<Span> sentences) {
        Set<String> names = new HashSet<>();
        for (Span span : sentences) {
            List<Word> words = WORD.matcher(text.substring(span.startChar, span.endChar)).results()
                    .map(Word::of).toList();
            for (Word word : words.subList(Math.min(1, words.size()), words.size())) {
                String bare = POSSESSIVE.matcher(word.text).replaceAll("");
                if (CAPITALISED.matcher(bare).matches() && !NOT_NAMES.contains(bare)) {
                    names.add(bare);
                }
            }
        }
        return names;
    }

    private record Word(String text, int start, int end) {
        static Word of(MatchResult match) {
            return new Word(match.group(), match.start(), match.end());
        }
    }

    // attribution, comparison, question, opinion, prediction

    private static final Pattern ATTRIBUTION = wordPattern(
            "\\b(?:said|says|told|wrote|writes|asked|according to|claimed|claims?|stated|announced|reported"
                    + "|confirmed|denied|insisted|argued|added|estimated|testified|tweeted|posted|accused)\\b");

    private static final Pattern COMPARISON = wordPattern(
            "\\b(?:more than|less than|fewer than|as many as|as much as|up to|at least|at most|compared (?:with|to)"
                    + "|than|more|less|fewer|larger|smaller|higher|lower|bigger|greater|deeper|wider|longer|shorter"
                    + "|faster|slower|cheaper|older|younger|stronger|weaker|worse|better|best|worst|most|least"
                    + "|record|doubled|tripled|halved|increased|decreased|rose|fell)\\b");

    /** Superlatives ending in "-est"; words that merely end so are excluded. */
    private static final Pattern SUPERLATIVE = wordPattern("\\b\\p{L}{3,}est\\b");

    private static final Set<String> NOT_SUPERLATIVES = Set.of("interest", "suggest", "protest", "request",
            "contest", "invest", "harvest", "honest", "modest", "arrest", "manifest", "digest", "forest", "west",
            "guest", "chest", "quest", "conquest", "unrest", "behest", "attest", "detest", "earnest", "priest",
            "inquest", "ingest", "congest", "divest", "infest", "molest", "tempest", "southwest", "northwest",
            "midwest", "budapest");

    private static Set<String> comparisons(String sentence) {
        Set<String> found = matches(COMPARISON, sentence);
        SUPERLATIVE.matcher(sentence).results().map(MatchResult::group)
                .filter(word -> !NOT_SUPERLATIVES.contains(word.toLowerCase(Locale.ROOT)))
                .forEach(found::add);
        return found;
    }

    private static final Pattern QUESTION = Pattern.compile("\\?[\"'”’»)\\]]*\\s*$");

    private static final Pattern OPINION = wordPattern(
            "\\b(?:I|we) (?:think|believe|feel|hope|reckon|suspect)\\b|\\bin (?:my|our) (?:view|opinion)\\b"
                    + "|\\b(?:should|ought to|must)\\b"
                    + "|\\b(?:very|really|extremely|incredibly|truly|deeply) \\p{L}+"
                    // judgement words in lower case only, so that "Great Britain" is not an opinion
                    + "|\\b(?-i:important|crucial|vital|essential|great|terrible|wonderful|excellent|awful|brilliant"
                    + "|fantastic|amazing|disgraceful|shameful|outrageous|unacceptable|intolerable|appalling"
                    + "|ridiculous|absurd|stupid|tough|good|bad|wrong|unfair|brutality|aggressive"
                    + "|historic|unprecedented|hopefully|unfortunately|sadly|clearly|obviously)\\b");

    private static final Pattern PREDICTION = wordPattern(
            "\\b(?:will|won['’]t|shall|going to|expected to|set to|likely to|unlikely to|plans? to"
                    + "|intends? to|aims? to|look(?:s|ing)? forward|forecasts?|predicts?|predicted to)\\b");

    /** Straight or curly double quotation marks, paired. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”");

    private static int quotedPercentage(String sentence) {
        int quoted = QUOTED.matcher(sentence).results().mapToInt(match -> match.end() - match.start()).sum();
        return sentence.isEmpty() ? 0 : 100 * quoted / sentence.length();
    }
}
