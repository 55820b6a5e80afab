/**
 * Chapters 4 and 5: CQRS, why and how, on a toy model with a real embedded database.
 *
 * <p>The app stores favourite articles. Two new queries hurt its plain CRUD design:
 * <b>Q1</b>, the newest articles for several hashtags, and <b>Q2</b>, the users who saved a URL.
 *
 * <p>The pieces, in the order the chapters meet them:
 * <ul>
 *   <li>{@link course.cqrs.CreateArticle} and {@link course.cqrs.UpdateArticle}: the commands,
 *       validated with every problem named ({@link course.cqrs.InvalidCommandException});</li>
 *   <li>{@link course.cqrs.CrudStore}: the CRUD baseline, normalised tables in H2, Q1 and Q2 by joins
 *       and scans;</li>
 *   <li>{@link course.cqrs.Event} and {@link course.cqrs.EventLog}: the golden source, an append-only
 *       partitioned log that can be saved to and replayed from a JSON-lines file;</li>
 *   <li>{@link course.cqrs.WriteService}: the write side, log first: it decides each command against
 *       its write model, appends the event (the commit), then updates its own CRUD tables, one more
 *       projection of the log;</li>
 *   <li>{@link course.cqrs.ReadStore}: two denormalised tables shaped for Q1 and Q2, filled by an
 *       idempotent, offset-tracking {@code apply};</li>
 *   <li>{@link course.cqrs.Projector}: one consumer per partition on chapter 1's
 *       {@link course.pool.WorkerPool}, with lag, failure and resume, and rebuild;</li>
 *   <li>{@link course.cqrs.CqrsSystem}: all of it wired, behind the same
 *       {@link course.cqrs.ArticleService} interface as the CRUD store;</li>
 *   <li>{@link course.cqrs.Dataset} and {@link course.cqrs.MixedLoad}: seeded skewed data and a
 *       read-heavy load for the measurements;</li>
 *   <li>{@link course.cqrs.CqrsExercises} and {@link course.cqrs.CqrsSolutions}: the chapters' exercises.</li>
 * </ul>
 *
 * <pre>{@code
 * try (CrudStore crud = new CrudStore(); CqrsSystem cqrs = new CqrsSystem()) {
 *     Dataset data = Dataset.generate(42, 5_000);
 *     crud.createAll(data.creates());
 *     cqrs.createAll(data.creates());
 *     cqrs.awaitCaughtUp(Duration.ofSeconds(30));
 *     crud.articlesByHashtags(List.of("java", "go"), 20);   // a join and a sort
 *     cqrs.articlesByHashtags(List.of("java", "go"), 20);   // an index range
 * }
 * }</pre>
 */
package course.cqrs;
