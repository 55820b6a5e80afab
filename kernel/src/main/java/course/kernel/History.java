package course.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.EnumSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran with {@code store_history}, for {@code history_request}: the last
 * n ({@code tail}), a range of this session ({@code range}), or those matching a glob pattern
 * ({@code search}, {@code *} and {@code ?} as in IPython). One session, numbered 1; outputs are
 * not kept, so an entry's output is empty when the request asks for outputs.
 *
 * <pre>{@code
 * History history = new History();
 * history.add(1, "int a = 1;");
 * history.lookupTail(10, Set.of());   // [(1, 1, "int a = 1;")]
 * }</pre>
 */
final class History implements HistoryManager {
    static final int SESSION = 1;

    /** Cell inputs by execution count, in the order they ran. Guarded by {@code this}. */
    private final Map<Integer, String> inputs = new LinkedHashMap<>();

    /**
     * The content of the history_reply to {@code request}, entries as the protocol's tuples
     * ([session, line, input], or [session, line, [input, output]]). Never nothing: an
     * unanswered request leaves JupyterLab's kernel status unknown.
     */
    Map<String, Object> answer(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request) {
            case HistoryRequest.Tail tail -> lookupTail(tail.getMaxReturnLength(), flags);
            case HistoryRequest.Range range -> lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            case HistoryRequest.Search search -> {
                if (search.filterUnique()) {
                    flags.add(ResultFlag.UNIQUE);
                }
                yield search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
            default -> List.of();
        };
        List<List<Object>> tuples = entries.stream()
                .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()))
                .toList();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("history", tuples);
        return content;
    }

    synchronized void add(int count, String input) {
        inputs.put(count, input);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<HistoryEntry> all = entries(flags);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - Math.max(0, length)), all.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell, Set<ResultFlag> flags) {
        if (sessionOffset != 0 && sessionOffset != SESSION) {
            return List.of();
        }
        return entries(flags).stream()
                .filter(e -> e.getCellNumber() >= startCell && (endCell <= 0 || e.getCellNumber() < endCell))
                .toList();
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<HistoryEntry> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (HistoryEntry entry : entries(flags).reversed()) {
            if (!glob.matcher(entry.getInput()).matches()) {
                continue;
            }
            if (flags.contains(ResultFlag.UNIQUE)) {
                if (seen.contains(entry.getInput())) {
                    continue;
                }
                seen.add(entry.getInput());
            }
            found.addFirst(entry);
            if (length > 0 && found.size() == length) {
                break;
            }
        }
        return found;
    }

    private List<HistoryEntry> entries(Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = new ArrayList<>();
        inputs.forEach((count, input) -> entries.add(new HistoryEntry(SESSION, count, input, withOutput ? "" : null)));
        return entries;
    }

    /** An IPython-style glob: {@code *} any text, {@code ?} one character, across lines. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
