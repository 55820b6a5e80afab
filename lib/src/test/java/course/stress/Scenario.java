package course.stress;

import java.util.SplittableRandom;

/**
 * One randomized scenario of the stress suite: a pattern set up with random settings, ended in
 * a random way, and checked. Every random choice comes from the run's {@code random}, so that a
 * run can be replayed from its seed (its timing cannot).
 */
interface Scenario {
    /** A short name, used in the report and to replay a run ({@code -Dstress.replay=name:seed}). */
    String name();

    /**
     * Runs once with settings drawn from {@code random}, records what it found in {@code outcome},
     * and leaves no thread of its own behind. Every wait is bounded.
     */
    void run(SplittableRandom random, Outcome outcome) throws Exception;
}
