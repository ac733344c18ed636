package io.tlslens.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    private static AgentConfig config(String args, Map<String, String> properties, Map<String, String> environment) {
        return new AgentConfig(AgentConfig.parseArgs(args), properties::get, environment::get);
    }

    @Test
    void agentArgumentsWinOverPropertiesWhichWinOverEnvironment() {
        AgentConfig config = config("stack=jsse",
                Map.of("tlslens.stack", "reference", "tlslens.console", "off"),
                Map.of("TLSLENS_STACK", "reference", "TLSLENS_CONSOLE", "on", "TLSLENS_KEYLOG", "/tmp/k"));
        assertEquals(AgentConfig.Stack.JSSE, config.stack());
        assertEquals(AgentConfig.Console.OFF, config.console());
        assertEquals("/tmp/k", config.keylog());
    }

    @Test
    void dottedKeysMapToUnderscoredEnvironmentVariables() {
        AgentConfig config = config(null, Map.of(), Map.of("TLSLENS_HANDSHAKE_TIMEOUT_MS", "1500"));
        assertEquals(Duration.ofMillis(1500), config.handshakeTimeout());
    }

    @Test
    void defaultsWhenNothingIsSet() {
        AgentConfig config = config("", Map.of(), Map.of());
        assertEquals(AgentConfig.Stack.JSSE, config.stack());
        assertEquals(AgentConfig.Console.AUTO, config.console());
        assertNull(config.keylog());
        assertEquals(Duration.ofSeconds(60), config.handshakeTimeout());
        assertEquals(8192, config.queueCapacity());
        assertEquals(65_536, config.maxMessageBytes());
    }

    @Test
    void argumentsAreTrimmedAndBareKeysMeanTrue() {
        assertEquals(Map.of("a", "1", "b", "true", "c", "x=y"), AgentConfig.parseArgs(" a = 1 ,b,, c=x=y "));
    }

    @Test
    void badValuesNameTheOptionAndTheChoices() {
        IllegalArgumentException stack = assertThrows(IllegalArgumentException.class,
                () -> config("stack=boring", Map.of(), Map.of()).stack());
        assertTrue(stack.getMessage().contains("stack=boring"), stack.getMessage());
        assertTrue(stack.getMessage().contains("reference"), stack.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> config("queue.capacity=-3", Map.of(), Map.of()).queueCapacity());
        assertTrue(number.getMessage().contains("queue.capacity=-3"), number.getMessage());
    }
}
