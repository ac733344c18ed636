package io.tlslens.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgentCommandTest {

    @Test
    void noArgumentsMeanAttachWithoutOptions() {
        AgentCommand command = AgentCommand.parse(null);
        assertEquals(AgentCommand.Kind.ATTACH, command.kind);
        assertNull(command.reply);
        assertEquals("", command.options);
    }

    @Test
    void commandAndReplyAreTakenOutOfTheOptions() {
        AgentCommand command = AgentCommand.parse("command=status,reply=/tmp/tlslens-reply-1.txt");
        assertEquals(AgentCommand.Kind.STATUS, command.kind);
        assertEquals("/tmp/tlslens-reply-1.txt", command.reply);
        assertEquals("", command.options);

        AgentCommand attach = AgentCommand.parse("command=attach,reply=/tmp/r,stack=reference, keylog=/tmp/k ,console");
        assertEquals(AgentCommand.Kind.ATTACH, attach.kind);
        assertEquals("stack=reference,keylog=/tmp/k,console", attach.options);
    }

    @Test
    void optionsAloneAreAnAttach() {
        AgentCommand command = AgentCommand.parse("console=on");
        assertEquals(AgentCommand.Kind.ATTACH, command.kind);
        assertEquals("console=on", command.options);
    }

    @Test
    void anUnknownCommandIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentCommand.parse("command=explode"));
        assertEquals("unknown command 'explode' (attach, status, detach)", e.getMessage());
    }
}
