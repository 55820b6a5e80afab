/**
 * What the chapters' self-checking exercises share: the {@link course.exercises.Check} a check
 * returns.
 */
package course.exercises;
