/**
 * Timing in notebook cells: {@link course.measure.Measure} runs something a few times, checks
 * that every run produced a valid result, and reports the wall times. For shapes (this grows,
 * that stays flat), not for the small differences that only JMH can measure (chapter 6).
 * {@link course.measure.Progress} is the live, throttled progress line a long measurement shows
 * while it runs ("sweep: 12 of 40 runs, 8.2 s").
 */
package course.measure;
