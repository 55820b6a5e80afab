package course.prove;

/**
 * BROKEN on purpose: a counting semaphore whose {@link #tryAcquire()} checks for a free slot and
 * then takes it in a second step. Two threads can both pass the check before either takes, and
 * both get the last slot. Lincheck finds and prints that interleaving in chapter 8; never write a
 * semaphore this way ({@code TokenSemaphore} makes check and take one step, the queue's offer).
 *
 * <pre>{@code
 * CheckThenActSemaphore s = new CheckThenActSemaphore(1);
 * s.tryAcquire();   // true
 * s.tryAcquire();   // false, alone; true as well when two threads race for the last slot
 * }</pre>
 */
public final class CheckThenActSemaphore {
    private final int capacity;
    /** Slots in use. Volatile, so every thread reads the latest count: the bug is the gap between check and act, not visibility. */
    private volatile int inUse;

    /**
     * A semaphore with {@code slots} slots, all free.
     *
     * @throws IllegalArgumentException when {@code slots} is not positive
     */
    public CheckThenActSemaphore(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("a semaphore needs at least one slot, got " + slots);
        }
        this.capacity = slots;
    }

    /** Takes a slot if one is free. BUG: the check and the take are two steps. */
    public boolean tryAcquire() {
        if (inUse < capacity) {     // check ...
            inUse = inUse + 1;      // ... then act: another thread may have taken the slot in between
            return true;
        }
        return false;
    }

    /**
     * Gives a slot back (locked, so that only tryAcquire has the gap).
     *
     * @throws IllegalStateException when no slot is in use
     */
    public synchronized void release() {
        if (inUse == 0) {
            throw new IllegalStateException("release without a matching acquire");
        }
        inUse = inUse - 1;
    }

    /** Slots in use now. */
    public int inUse() {
        return inUse;
    }
}
