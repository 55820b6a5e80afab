package course.cqrs;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import course.data.DataFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event log's file format, JSON lines: one event per line, each ended by {@code \n}, in UTF-8.
 * {@link EventLog#writeTo} and {@link EventLog#readFrom(Path, String, int)} are its public face
 * and state its rules; this class does the file's side of them, and {@link EventLine} reads each line.
 *
 * <p><b>Writing</b> is one Jackson {@link SequenceWriter} over the file, with a newline between
 * root values and one after the last.
 *
 * <p><b>Reading</b> does not use Jackson's {@code MappingIterator}, on purpose. A
 * {@code MappingIterator} reads a stream of JSON values separated by any whitespace: it cannot
 * tell a blank line from none, two events on one line from one per line, or an event broken over
 * two lines from a whole one, and it reports bytes that are not UTF-8 as a JSON error of the
 * stream. The file's guarantees (line <i>n</i> holds the <i>n</i>-th event; blank lines refused;
 * every error names the file, the line, the column and the field; non-UTF-8 bytes reported with
 * their line and column) need the lines first: so the file is cut into lines by hand, each line
 * is decoded strictly as UTF-8, and each is parsed on its own ({@link EventLine#parse}).
 *
 * <pre>{@code
 * EventLogFile.write(Path.of("articles.jsonl"), events);
 * EventLogFile.read(Path.of("articles.jsonl"), log::append);
 * }</pre>
 */
final class EventLogFile {
    private static final ObjectWriter LINE_WRITER = DataFiles.mapper().writerFor(Event.class)
            .without(SerializationFeature.INDENT_OUTPUT)
            .withRootValueSeparator("\n");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private EventLogFile() {
    }

    /**
     * Writes the events, in order, to {@code file} as JSON lines, creating parent folders and
     * replacing the file.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    static void write(Path file, List<Event> events) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                try (SequenceWriter lines = LINE_WRITER.writeValues(out)) {
                    lines.writeAll(events); // the separator goes between events only...
                    lines.flush();
                    if (!events.isEmpty()) {
                        out.write('\n');   // ...so the last line's newline is written here
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the events of a JSON-lines file in file order, handing each to {@code sink} as soon as
     * its line is read.
     *
     * @throws MalformedLogException when the file is missing or cannot be read, or a line breaks a
     *                               rule of {@link EventLog#readFrom(Path, String, int)}
     */
    static void read(Path file, Consumer<Event> sink) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MalformedLogException(file, 0, 0, "the file does not exist", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
            throw new MalformedLogException(file, 0, 0, reason, e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int from = startsWith(bytes, BOM) ? BOM.length : 0;
        int number = 0;
        while (from < bytes.length) {
            number++;
            int newline = indexOf(bytes, (byte) '\n', from);
            int end = newline < 0 ? bytes.length : newline;
            int stop = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
            String line = decode(file, number, bytes, from, stop - from, utf8);
            sink.accept(EventLine.parse(file, number, line));
            from = end + 1;
        }
    }

    /** One line's bytes as text, or an error naming the line and the column of the first byte that is not UTF-8. */
    private static String decode(Path file, int number, byte[] bytes, int from, int length, CharsetDecoder utf8) {
        utf8.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < result.length(); i++) {
                bad.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes[in.position() + i] & 0xFF));
            }
            throw new MalformedLogException(file, number, out.position() + 1, "not UTF-8: "
                    + (result.length() == 1 ? "byte " : "bytes ") + bad
                    + " cannot appear here in UTF-8 text; a log file must be written in UTF-8", null);
        }
        return out.flip().toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
