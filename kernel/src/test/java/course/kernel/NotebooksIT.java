package course.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes every notebook in {@code notebooks/} top to bottom through real Jupyter (nbclient)
 * against the installed course kernel, in quick mode, and fails a notebook on any error output
 * or on a cell tagged {@code chart} that drew no {@code image/png}. The executed copies go to
 * {@code build/executed/}; the committed notebooks are never rewritten.
 */
class NotebooksIT {
    static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
    static final String PYTHON = System.getProperty("course.python", "/usr/bin/python3");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutErrorsAndDrawsEveryChart() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks found in " + ROOT.resolve("notebooks"));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> execute(nb)));
    }

    private void execute(Path notebook) throws Exception {
        Path out = ROOT.resolve("build/executed");
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder(PYTHON, ROOT.resolve("tools/notebooks.py").toString(),
                "execute", notebook.getFileName().toString(), "--out", out.toString())
                .directory(notebook.getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().put("COURSE_QUICK", "1");
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        System.out.print(log);
        Path executed = out.resolve(notebook.getFileName());
        assertTrue(Files.exists(executed), "no executed copy of " + notebook.getFileName() + ":\n" + log);
        List<String> problems = problems(new ObjectMapper().readTree(executed.toFile()));
        assertEquals(List.of(), problems, notebook.getFileName() + " failed:\n" + log);
        assertEquals(0, exit, "the notebook runner failed:\n" + log);
    }

    /** Every error output, and every chart-tagged cell without an image, in an executed notebook. */
    static List<String> problems(JsonNode notebook) {
        List<String> problems = new ArrayList<>();
        JsonNode cells = notebook.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            boolean image = false;
            for (JsonNode output : cell.path("outputs")) {
                if ("error".equals(output.path("output_type").asText())) {
                    problems.add("cell " + i + ": " + output.path("ename").asText() + ": " + output.path("evalue").asText());
                }
                image |= output.path("data").has("image/png");
            }
            boolean chart = false;
            for (JsonNode tag : cell.path("metadata").path("tags")) {
                chart |= "chart".equals(tag.asText());
            }
            if (chart && !image) {
                problems.add("cell " + i + ": tagged 'chart' but drew no image/png");
            }
        }
        return problems;
    }
}
