package course.structured;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.StructuredTaskScope;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Java25ExercisesTest {
    @Test
    void theFastestMirrorSolutionPasses() {
        assertTrue(Java25Exercises.checkFastest(mirrors -> {
            try (var scope = StructuredTaskScope.open(StructuredTaskScope.Joiner.<String>anySuccessfulResultOrThrow())) {
                for (Callable<String> m : mirrors) {
                    scope.fork(m);
                }
                return scope.join();
            }
        }).passed());
    }

    @Test
    void aSequentialAttemptIsNotYetRight() {
        assertFalse(Java25Exercises.checkFastest(mirrors -> mirrors.get(1).call()).passed());
    }

    @Test
    void theScopedValueHandlerPassesAndTheStubDoesNot() throws Exception {
        assertTrue(Java25Exercises.checkHandler((id, body) -> ScopedValue.where(RequestIds.REQUEST_ID, id).call(body::call)).passed());
        assertFalse(Java25Exercises.checkHandler((id, body) -> body.call()).passed());
    }

    @Test
    void aWrongPinPredictionIsNotYetRight() throws InterruptedException {
        assertFalse(Java25Exercises.checkPinnedPrediction(-1, -1).passed());
    }
}
