package course.kernel;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamsTest {
    private final ByteArrayOutputStream process = new ByteArrayOutputStream();
    private final PrintStream processOut = new PrintStream(process, true, StandardCharsets.UTF_8);
    private final List<PublishStream> sent = new CopyOnWriteArrayList<>();

    private static String text(List<PublishStream> messages, StreamType type) {
        StringBuilder all = new StringBuilder();
        messages.stream().filter(m -> m.getStreamType() == type).forEach(m -> all.append(m.getText()));
        return all.toString();
    }

    @Test
    void manyLinesArriveWholeInFewMessages() {
        try (Streams streams = new Streams(processOut, processOut)) {
            streams.attach(sent::add);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                streams.stdout().println("line " + i);
                expected.append("line ").append(i).append(System.lineSeparator());
            }
            streams.flush();
            assertEquals(expected.toString(), text(sent, StreamType.OUT));
            assertTrue(sent.size() < 200, "200,000 lines were sent as " + sent.size() + " messages");
        }
    }

    @Test
    void printfWithoutANewlineIsOneMessage() {
        try (Streams streams = new Streams(processOut, processOut)) {
            streams.attach(sent::add);
            streams.stdout().printf("%d workers, %s", 4, "done");
            streams.flush();
            assertEquals(1, sent.size());
            assertEquals("4 workers, done", sent.getFirst().getText());
        }
    }

    @Test
    void aCharacterSplitAcrossWritesIsNotBroken() {
        try (Streams streams = new Streams(processOut, processOut)) {
            streams.attach(sent::add);
            byte[] times = "×".getBytes(StandardCharsets.UTF_8);
            streams.stdout().write(times[0]);
            streams.flush();
            streams.stdout().write(times[1]);
            streams.flush();
            assertEquals("×", text(sent, StreamType.OUT));
        }
    }

    @Test
    void outputWithoutATargetGoesToTheProcessAndMutedOutputIsDropped() {
        try (Streams streams = new Streams(processOut, processOut)) {
            streams.stdout().print("before");
            streams.flush();
            assertEquals("before", process.toString(StandardCharsets.UTF_8));
            streams.attach(sent::add);
            streams.mute();
            streams.stdout().print("silent");
            streams.unmute();
            streams.stdout().print("after");
            streams.flush();
            assertEquals("after", text(sent, StreamType.OUT));
        }
    }

    @Test
    void stdoutAndStderrKeepTheirOrder() {
        try (Streams streams = new Streams(processOut, processOut)) {
            streams.attach(sent::add);
            streams.stdout().print("a");
            streams.stderr().print("b");
            streams.stdout().print("c");
            streams.flush();
            assertEquals(List.of("a", "b", "c"), sent.stream().map(PublishStream::getText).toList());
            assertEquals(StreamType.ERR, sent.get(1).getStreamType());
        }
    }

    @Test
    void wholeCharactersStopsBeforeAnUnfinishedSequence() {
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, Streams.wholeCharacters(euro));
        assertEquals(1, Streams.wholeCharacters(java.util.Arrays.copyOf(euro, 3)));
        assertEquals(1, Streams.wholeCharacters(java.util.Arrays.copyOf(euro, 2)));
    }
}
