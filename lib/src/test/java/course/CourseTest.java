package course;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseTest {
    @Test
    void sizePicksTheQuickOrTheFullSizeByMode() {
        assertEquals(Course.quick() ? 3 : 300, Course.size(3, 300));
    }

    @Test
    void coresAndJdkDescribeTheRunningMachine() {
        assertEquals(Runtime.getRuntime().availableProcessors(), Course.cores());
        assertTrue(Course.jdkFeature() >= 25, "the course targets Java 25");
        assertTrue(Course.describe().contains(Course.cores() + " cores"), Course.describe());
    }

    @Test
    void theDataFolderIsFoundFromInsideTheCourse() {
        assertTrue(Files.isDirectory(Course.dataDir()), Course.dataDir().toString());
        assertTrue(Files.isRegularFile(Course.data("welcome/five-jobs.json")));
    }
}
