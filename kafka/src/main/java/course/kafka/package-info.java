/**
 * Chapter 9: the course's patterns on a real Apache Kafka broker.
 *
 * <ul>
 *   <li>{@link course.kafka.KafkaBroker}: a single-node KRaft broker started from Java;</li>
 *   <li>{@link course.kafka.KafkaEventLog}: the CQRS toy model's event log as a Kafka topic,
 *       read by the same {@link course.cqrs.Projector} as the in-process log;</li>
 *   <li>{@link course.kafka.GroupWorkers}: a consumer group as a distributed worker pool, with the
 *       partition ownership and lag recorded over time.</li>
 * </ul>
 * This module is apart from {@code course-lib} so that the broker's jars stay out of the library.
 */
package course.kafka;
