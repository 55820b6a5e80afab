package course.pool;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobDescriptorTest {
    @Test
    void metadataIsCopiedAndCannotBeModified() {
        Map<String, Object> source = new HashMap<>();
        source.put("owner", "me");
        source.put("nothing", null);
        JobDescriptor d = new JobDescriptor("1", "double", source);
        source.put("later", 1);
        assertEquals(2, d.metadata().size());
        assertNull(d.metadata().get("nothing"));
        assertThrows(UnsupportedOperationException.class, () -> d.metadata().put("x", 1));
    }

    @Test
    void blankOrMissingPartsAreRejectedWithAMessage() {
        IllegalArgumentException blankId = assertThrows(IllegalArgumentException.class,
                () -> new JobDescriptor(" ", "double"));
        assertTrue(blankId.getMessage().contains("id"));
        IllegalArgumentException blankType = assertThrows(IllegalArgumentException.class,
                () -> new JobDescriptor("7", ""));
        assertTrue(blankType.getMessage().contains("'7'"));
        assertThrows(NullPointerException.class, () -> new JobDescriptor(null, "t"));
        assertThrows(NullPointerException.class, () -> new JobDescriptor("1", null));
        assertThrows(NullPointerException.class, () -> new JobDescriptor("1", "t", null));
    }

    @Test
    void equalPartsMakeEqualDescriptors() {
        assertEquals(new JobDescriptor("1", "t", Map.of("a", 1)), new JobDescriptor("1", "t", Map.of("a", 1)));
        assertEquals("1:t", new JobDescriptor("1", "t").toString());
    }
}
