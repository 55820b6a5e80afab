package course.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The integers {@code first..last} inclusive, iterated lazily: the items of {@link Pipeline#range}. */
record IntRange(int first, int last) implements Iterable<Integer> {
    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            // Long, so that a range ending at Integer.MAX_VALUE ends.
            private long next = first;

            @Override
            public boolean hasNext() {
                return next <= last;
            }

            @Override
            public Integer next() {
                if (next > last) {
                    throw new NoSuchElementException();
                }
                return (int) next++;
            }
        };
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
