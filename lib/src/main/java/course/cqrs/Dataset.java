package course.cqrs;

import com.fasterxml.jackson.core.type.TypeReference;
import course.Course;
import course.data.DataFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A seeded generator of favourite-article commands for the measurements, with the skew of real
 * data: a few hashtags and a few URLs are very popular, most are rare (a Zipf-like distribution,
 * where the k-th most popular item is chosen with weight {@code 1 / k^skew}).
 *
 * <p>The same seed and sizes always give the same commands. Every (user id, source URL) pair is
 * distinct, so each create stores a new article. Popularity ranks are exposed ({@link #tags()},
 * {@link #urls()}: most popular first) so that a measurement can query a popular tag (a big
 * answer) or a rare one.
 *
 * <p>{@link #sample()} reads the small fixed sample in {@code data/cqrs/sample-articles.json}
 * used by the walkthrough.
 *
 * <pre>{@code
 * Dataset data = Dataset.generate(42, 10_000);
 * crud.createAll(data.creates());
 * crud.articlesByHashtags(data.tags().subList(0, 3), 20);   // the three most popular tags
 * }</pre>
 */
public final class Dataset {
    /** The default skew: close to the classic Zipf law. */
    public static final double DEFAULT_SKEW = 1.1;

    private static final List<String> WORDS = List.of(
            "java", "go", "concurrency", "kafka", "cqrs", "databases", "jvm", "performance", "testing",
            "architecture", "distributed", "streaming", "sql", "cassandra", "mongodb", "threads", "async",
            "microservices", "patterns", "observability", "latency", "caching", "eventsourcing", "ddd",
            "scalability", "security", "cloud", "kubernetes", "linux", "networking", "rust", "python",
            "algorithms", "datastructures", "compilers", "gc", "profiling", "benchmarks", "reliability", "design");
    private static final List<String> SITES = List.of(
            "https://go.dev/blog/", "https://inside.java/", "https://martinfowler.com/articles/",
            "https://kafka.apache.org/blog/", "https://engineering.example.com/posts/", "https://jvm.example.org/notes/");

    private final long seed;
    private final double skew;
    private final List<String> users;
    private final List<String> urls;
    private final List<String> tags;
    private final List<CreateArticle> creates;
    private final double[] tagWeights;
    private final double[] urlWeights;

    private Dataset(long seed, int articles, int userCount, int urlCount, int tagCount, double skew) {
        this.seed = seed;
        this.skew = skew;
        this.users = names(userCount, i -> String.format(Locale.ROOT, "user-%05d", i + 1));
        this.urls = names(urlCount, i -> SITES.get(i % SITES.size()) + "post-" + (i + 1));
        this.tags = names(tagCount, i -> i < WORDS.size() ? WORDS.get(i) : String.format(Locale.ROOT, "topic%04d", i + 1));
        this.tagWeights = cumulative(tagCount, skew);
        this.urlWeights = cumulative(urlCount, skew);
        SplittableRandom rng = new SplittableRandom(seed);
        Set<String> pairs = new HashSet<>();
        List<CreateArticle> out = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            String user;
            String url;
            int tries = 0;
            do {
                user = users.get(rng.nextInt(userCount));
                url = tries < 20 ? randomUrl(rng) : urls.get(rng.nextInt(urlCount));
                tries++;
            } while (!pairs.add(user + " " + url));
            out.add(new CreateArticle(user, url, randomTags(rng, 1 + rng.nextInt(5)), paragraphs(rng)));
        }
        this.creates = List.copyOf(out);
    }

    /**
     * A dataset of {@code articles} creates with sizes in proportion: a user per five articles, a
     * URL per four, 300 hashtags (at least 10 of each), and the {@linkplain #DEFAULT_SKEW default skew}.
     *
     * @throws IllegalArgumentException when {@code articles} is negative
     */
    public static Dataset generate(long seed, int articles) {
        if (articles < 0) {
            throw new IllegalArgumentException("articles must not be negative, got " + articles);
        }
        return generate(seed, articles, Math.max(10, articles / 5), Math.max(10, articles / 4), 300, DEFAULT_SKEW);
    }

    /**
     * A dataset with every size chosen.
     *
     * @throws IllegalArgumentException when a count is not positive (articles may be 0), the skew is
     *                                  negative, or there are too few (user, URL) pairs for the articles
     */
    public static Dataset generate(long seed, int articles, int users, int urls, int tags, double skew) {
        if (articles < 0) {
            throw new IllegalArgumentException("articles must not be negative, got " + articles);
        }
        if (users <= 0 || urls <= 0 || tags <= 0) {
            throw new IllegalArgumentException("users, urls and tags must be positive, got "
                    + users + ", " + urls + ", " + tags);
        }
        if (!(skew >= 0)) {
            throw new IllegalArgumentException("skew must be zero (uniform) or more, got " + skew);
        }
        if ((long) users * urls < 2L * articles) {
            throw new IllegalArgumentException(users + " users and " + urls + " URLs make too few distinct pairs for "
                    + articles + " articles; allow at least twice as many pairs as articles");
        }
        return new Dataset(seed, articles, users, urls, tags, skew);
    }

    /**
     * The walkthrough's small fixed sample, from {@code data/cqrs/sample-articles.json}.
     *
     * @throws course.data.DataFileException when the file is missing or malformed (naming file and line)
     */
    public static List<CreateArticle> sample() {
        return sample(Course.data("cqrs/sample-articles.json"));
    }

    /** A list of create commands read from a JSON file shaped like the sample. */
    public static List<CreateArticle> sample(Path file) {
        return List.copyOf(DataFiles.read(file, new TypeReference<List<CreateArticle>>() { }));
    }

    /** The create commands, in order; every (user id, source URL) pair is distinct. */
    public List<CreateArticle> creates() {
        return creates;
    }

    /** The hashtag vocabulary, most popular first. */
    public List<String> tags() {
        return tags;
    }

    /** The source URLs, most popular first. */
    public List<String> urls() {
        return urls;
    }

    /** The user ids. */
    public List<String> users() {
        return users;
    }

    /** The seed this dataset was generated from. */
    public long seed() {
        return seed;
    }

    /** Up to {@code n} distinct hashtags drawn with the dataset's skew. */
    public List<String> randomTags(SplittableRandom rng, int n) {
        Objects.requireNonNull(rng, "rng");
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < n && tries < 10 * n; tries++) {
            out.add(tags.get(pick(tagWeights, rng)));
        }
        return List.copyOf(out);
    }

    /** A source URL drawn with the dataset's skew. */
    public String randomUrl(SplittableRandom rng) {
        return urls.get(pick(urlWeights, Objects.requireNonNull(rng, "rng")));
    }

    /** A new create for a user id that the dataset never uses, so it always stores a new article. */
    public CreateArticle freshCreate(SplittableRandom rng, String newUserId) {
        return new CreateArticle(newUserId, randomUrl(rng), randomTags(rng, 1 + rng.nextInt(5)), paragraphs(rng));
    }

    /** An update of {@code articleId} to freshly drawn hashtags and paragraphs. */
    public UpdateArticle randomUpdate(SplittableRandom rng, long articleId) {
        return new UpdateArticle(articleId, randomTags(rng, 1 + rng.nextInt(5)), paragraphs(rng));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Dataset[seed %d, %d articles, %d users, %d URLs, %d tags, skew %.2f]",
                seed, creates.size(), users.size(), urls.size(), tags.size(), skew);
    }

    private List<Paragraph> paragraphs(SplittableRandom rng) {
        int n = 1 + rng.nextInt(3);
        List<Paragraph> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> own = randomTags(rng, rng.nextInt(3));
            out.add(new Paragraph("Paragraph " + (i + 1) + (own.isEmpty() ? "." : " on " + String.join(", ", own) + "."), own));
        }
        return out;
    }

    private static int pick(double[] cumulative, SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] cumulative(int n, double skew) {
        double[] c = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, skew);
            c[k] = sum;
        }
        return c;
    }

    private static List<String> names(int n, IntFunction<String> name) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(name.apply(i));
        }
        return List.copyOf(out);
    }
}
