package course.cqrs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The command rules, shared by both commands. Each check appends problems and never throws. */
final class Validation {
    static final int MAX_TAGS = 20;
    static final int MAX_PARAGRAPHS = 50;
    static final int MAX_TEXT = 10_000;
    static final int MAX_URL = 2_048;
    static final int MAX_USER = 64;
    static final int MAX_TAG = 40;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_]{1,40}");

    private Validation() {
    }

    static void checkUserId(String userId, List<String> problems) {
        if (userId == null) {
            problems.add("user id is missing");
        } else if (userId.isBlank()) {
            problems.add("user id is blank");
        } else if (!USER.matcher(userId).matches()) {
            problems.add("user id must be 1 to " + MAX_USER + " letters, digits, '.', '_' or '-', got '"
                    + abbreviate(userId) + "'");
        }
    }

    static void checkSourceUrl(String url, List<String> problems) {
        if (url == null) {
            problems.add("source URL is missing");
            return;
        }
        if (url.isBlank()) {
            problems.add("source URL is blank");
            return;
        }
        if (url.length() > MAX_URL) {
            problems.add("source URL is longer than " + MAX_URL + " characters");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                problems.add("source URL must start with http:// or https://, got '" + abbreviate(url) + "'");
            } else if (uri.getHost() == null) {
                problems.add("source URL has no host: '" + abbreviate(url) + "'");
            }
        } catch (URISyntaxException e) {
            problems.add("source URL is not a valid URL (" + e.getReason() + "): '" + abbreviate(url) + "'");
        }
    }

    /** Returns the tags lower-cased, without '#', duplicates dropped; reports bad ones. */
    static List<String> normaliseTags(String what, List<String> tags, int max, List<String> problems) {
        if (tags == null) {
            problems.add(what + "s are missing (use an empty list for none)");
            return List.of();
        }
        if (tags.size() > max) {
            problems.add("at most " + max + " " + what + "s are allowed, got " + tags.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null) {
                problems.add(what + " " + (i + 1) + " is null");
                continue;
            }
            String t = normaliseTag(tag);
            if (!TAG.matcher(t).matches()) {
                problems.add(what + " " + (i + 1) + " ('" + abbreviate(tag) + "') must be 1 to " + MAX_TAG
                        + " letters, digits or '_' after an optional '#'");
                continue;
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    static List<Paragraph> normaliseParagraphs(List<Paragraph> paragraphs, List<String> problems) {
        if (paragraphs == null) {
            problems.add("paragraphs are missing (use an empty list for none)");
            return List.of();
        }
        if (paragraphs.size() > MAX_PARAGRAPHS) {
            problems.add("at most " + MAX_PARAGRAPHS + " paragraphs are allowed, got " + paragraphs.size());
        }
        List<Paragraph> out = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            String name = "paragraph " + (i + 1);
            if (p == null) {
                problems.add(name + " is null");
                continue;
            }
            if (p.text() == null || p.text().isBlank()) {
                problems.add(name + " has no text");
            } else if (p.text().length() > MAX_TEXT) {
                problems.add(name + " is longer than " + MAX_TEXT + " characters");
            }
            List<String> tags = normaliseTags(name + " hashtag", p.hashtags(), MAX_TAGS, problems);
            out.add(new Paragraph(p.text(), tags));
        }
        return List.copyOf(out);
    }

    /** Normalises the tags of a query; a malformed tag is an error, duplicates are dropped. */
    static List<String> queryTags(Collection<String> tags) {
        Objects.requireNonNull(tags, "tags");
        List<String> problems = new ArrayList<>();
        List<String> out = normaliseTags("query hashtag", new ArrayList<>(tags), Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return out;
    }

    static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit per tag must be positive, got " + limit);
        }
    }

    /** A hashtag as stored: trimmed, without a leading '#', lower case. */
    static String normaliseTag(String tag) {
        String t = tag.strip();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
