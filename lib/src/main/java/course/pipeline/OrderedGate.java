package course.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the input order across the workers of one stage. Workers number the elements as they
 * take them (under {@code takeLock}), and hand their outputs back to a reorder buffer (under
 * {@code emitLock}) that sends them on strictly in number order. A window bounds how far ahead
 * of the oldest unfinished element any worker may run; {@link #stop()} wakes a worker waiting
 * for room in it.
 *
 * <pre>{@code
 * OrderedGate.Taken taken = gate.take(in);      // numbered in input order
 * ... apply the step to taken.element(), into outputs ...
 * gate.deposit(taken.number(), outputs);         // sent on in number order
 * }</pre>
 */
final class OrderedGate {
    /** An element taken from the input, and its number in input order. */
    record Taken(Object element, long number) {
    }

    private final ReentrantLock takeLock = new ReentrantLock();
    private final ReentrantLock emitLock = new ReentrantLock();
    private final ReentrantLock windowLock = new ReentrantLock();
    // Signalled when the window gains room and when the gate stops.
    private final Condition roomInWindow = windowLock.newCondition();
    // Sends the outputs in order; guarded by emitLock.
    private final Emitter emitter;
    // The number the next element taken gets; guarded by takeLock.
    private long nextTaken;
    // The number of the next element whose outputs are to be sent; guarded by emitLock.
    private long nextSent;
    // Outputs that wait for an older element's, by number; guarded by emitLock.
    private final Map<Long, List<Object>> waiting = new HashMap<>();
    // How many more elements may be taken before the oldest unfinished one is sent, from 0 to
    // the window; guarded by windowLock.
    private int room;
    // Set once by stop(); guarded by windowLock.
    private boolean stopped;

    OrderedGate(Emitter emitter, int window) {
        this.emitter = emitter;
        this.room = window;
    }

    /**
     * Waits for room in the window, then takes the next element from {@code in} and numbers it.
     * The end of the stream takes no room.
     *
     * @throws InterruptedException when interrupted or when the gate or channel stops
     */
    Taken take(Channel in) throws InterruptedException {
        enter();
        Object element;
        long number;
        takeLock.lockInterruptibly();
        try {
            element = in.receive();
            number = nextTaken++;
        } finally {
            takeLock.unlock();
        }
        if (element == Channel.END) {
            leave();
        }
        return new Taken(element, number);
    }

    /** Hands back the outputs of element {@code number}, and sends on every output now in order. */
    void deposit(long number, List<Object> outputs) throws InterruptedException {
        emitLock.lockInterruptibly();
        try {
            waiting.put(number, outputs);
            List<Object> ready;
            while ((ready = waiting.remove(nextSent)) != null) {
                for (Object item : ready) {
                    emitter.emit(item);
                }
                nextSent++;
                leave();
            }
        } finally {
            emitLock.unlock();
        }
    }

    /** Sends the emitter's last, short chunk. */
    void flush() throws InterruptedException {
        emitLock.lockInterruptibly();
        try {
            emitter.flush();
        } finally {
            emitLock.unlock();
        }
    }

    /** Wakes every worker waiting for room, and fails every later wait. */
    void stop() {
        windowLock.lock();
        try {
            stopped = true;
            roomInWindow.signalAll();
        } finally {
            windowLock.unlock();
        }
    }

    private void enter() throws InterruptedException {
        windowLock.lockInterruptibly();
        try {
            while (room == 0 && !stopped) {
                roomInWindow.await();
            }
            if (stopped) {
                throw new InterruptedException("pipeline stopped");
            }
            room--;
        } finally {
            windowLock.unlock();
        }
    }

    private void leave() {
        windowLock.lock();
        try {
            room++;
            roomInWindow.signal();
        } finally {
            windowLock.unlock();
        }
    }
}
