package course.kernel;

import course.kernel.KernelErrors.MagicException;
import course.kernel.MavenResolver.Coordinate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coordinates, the throwaway pom and the error of {@code %maven}; Maven itself runs in the protocol suite. */
class MavenResolverTest {
    @Test
    void aCoordinateHasGroupArtifactAndVersion() {
        Coordinate c = Coordinate.parse("org.apache.commons:commons-lang3:3.17.0");
        assertEquals("org.apache.commons", c.groupId());
        assertEquals("commons-lang3", c.artifactId());
        assertEquals("3.17.0", c.version());
        assertNull(c.type());
        assertNull(c.classifier());
    }

    @Test
    void aCoordinateMayNameItsTypeAndClassifier() {
        Coordinate c = Coordinate.parse("org.openjfx:javafx-base:jar:linux:21");
        assertEquals("jar", c.type());
        assertEquals("linux", c.classifier());
        assertEquals("21", c.version());
    }

    @Test
    void aMalformedCoordinateIsRejectedByName() {
        for (String bad : List.of("commons-lang3", "a:b", "a:b:c:d:e:f", "a:b:</version>", "a::1")) {
            MagicException e = assertThrows(MagicException.class, () -> Coordinate.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void thePomDependsOnEveryCoordinate() {
        String pom = MavenResolver.pom(List.of(Coordinate.parse("g.one:a-one:1.0"), Coordinate.parse("g.two:a-two:pom:2.0")));
        assertTrue(pom.contains("<groupId>g.one</groupId><artifactId>a-one</artifactId><version>1.0</version>"), pom);
        assertTrue(pom.contains("<artifactId>a-two</artifactId><version>2.0</version><type>pom</type>"), pom);
    }

    @Test
    void aFailureNamesTheCoordinateMavenCouldNotFindAndMavensReason() {
        List<Coordinate> both = List.of(Coordinate.parse("good.group:good:1.0"), Coordinate.parse("bad.group:missing:9.9"));
        String output = "[ERROR] Failed to execute goal on project maven-magic: Could not resolve dependencies for project"
                + " course.kernel:maven-magic:pom:1: Could not find artifact bad.group:missing:jar:9.9 in central"
                + " (https://repo.maven.apache.org/maven2) -> [Help 1]\n[ERROR] \n[ERROR] To see the full stack trace...\n";
        String message = MavenResolver.failure(both, output).getMessage();
        assertEquals("%maven cannot resolve bad.group:missing:9.9: Could not find artifact bad.group:missing:jar:9.9"
                + " in central (https://repo.maven.apache.org/maven2)", message);
    }

    @Test
    void aFailureThatNamesNoCoordinateBlamesThemAll() {
        List<Coordinate> both = List.of(Coordinate.parse("g:a:1"), Coordinate.parse("g:b:2"));
        String message = MavenResolver.failure(both, "[ERROR] Network is unreachable\n").getMessage();
        assertEquals("%maven cannot resolve g:a:1 g:b:2: Network is unreachable", message);
    }
}
