package io.tlslens.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which stacks a scenario runs on, from its own declaration. */
class ExpectationTest {

    @Test
    void aScenarioRunsOnBothStacksUnlessItSaysWhyNot() {
        Expectation both = Expectation.failure(ErrorType.HANDSHAKE_TIMEOUT, Side.CLIENT, SocketTimeoutException.class);
        Expectation jsseOnly = both.jsseOnly("no such thing on the reference stack");

        assertTrue(both.appliesTo(Stack.JSSE) && both.appliesTo(Stack.REFERENCE));
        assertTrue(jsseOnly.appliesTo(Stack.JSSE));
        assertFalse(jsseOnly.appliesTo(Stack.REFERENCE));
        assertEquals(Optional.of("no such thing on the reference stack"), jsseOnly.whyNotOn(Stack.REFERENCE));
        assertEquals(Optional.empty(), jsseOnly.whyNotOn(Stack.JSSE));
        assertEquals(both.toString(), jsseOnly.toString(), "the expectation on SunJSSE is unchanged");
    }

    @Test
    void everyScenarioRunsOnSunJsseAndTheJsseOnlyOnesSayWhy() {
        for (Scenario scenario : Scenarios.all()) {
            assertTrue(scenario.expectation().appliesTo(Stack.JSSE), scenario.name());
        }
        List<String> jsseOnly = Scenarios.all().stream()
                .filter(scenario -> !scenario.expectation().appliesTo(Stack.REFERENCE))
                .map(Scenario::name).collect(Collectors.toList());
        assertEquals(List.of("handshake-timeout"), jsseOnly);
    }

    @Test
    void withoutTheAgentTheGalleryRunsOnSunJsse() {
        assertEquals(Stack.JSSE, Stack.current());
    }
}
