package course.pipeline;

import course.concurrent.WaitPolicy;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;

/**
 * Lincheck's view of the pipeline's {@link Channel}: send, receive, close and depth, checked for
 * linearizability against the same class run by one thread.
 *
 * <p>A Lincheck operation must return, and the channel's send waits while it is full and its
 * receive while it is empty. So the channel starts with {@link #PREFILLED} items and room for
 * twice as many, and a scenario has at most {@link #PREFILLED} operations ({@code LincheckChecks}
 * sets it): no send finds it full, no receive finds it empty. It is here, in the channel's
 * package, because the channel is package-private.
 */
@Param(name = "item", gen = IntGen.class, conf = "1:9")
public class ChannelLincheck {
    /** Items in the channel before the scenario starts: at least as many as a scenario's operations. */
    public static final int PREFILLED = 6;

    private final Channel channel = new Channel(2 * PREFILLED, WaitPolicy.PARK);

    public ChannelLincheck() throws InterruptedException {
        for (int i = 0; i < PREFILLED; i++) {
            channel.send(100 + i);
        }
    }

    @Operation
    public void send(@Param(name = "item") int item) throws InterruptedException {
        channel.send(item);
    }

    @Operation
    public Object receive() throws InterruptedException {
        return channel.receive();
    }

    @Operation
    public void close() {
        channel.close();
    }

    @Operation
    public int depth() {
        return channel.depth();
    }
}
