package io.tlslens.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code agentmain} was asked to do. The attach CLI delivers every command by loading the agent
 * jar with options {@code command=attach|status|detach,reply=PATH[,key=value...]}: {@code command}
 * and {@code reply} are taken out here, and the rest are the agent's options, as after
 * {@code -javaagent:tlslens-agent.jar=}. No {@code command} means {@code attach}.
 */
final class AgentCommand {

    enum Kind { ATTACH, STATUS, DETACH }

    static final String COMMAND = "command";
    static final String REPLY = "reply";

    final Kind kind;
    /** The file the CLI created for the answer, or {@code null}: then the answer goes to standard error. */
    final String reply;
    /** The agent's options, {@code key=value,...}; empty for none. */
    final String options;

    private AgentCommand(Kind kind, String reply, String options) {
        this.kind = kind;
        this.reply = reply;
        this.options = options;
    }

    static AgentCommand parse(String args) {
        Kind kind = Kind.ATTACH;
        String reply = null;
        List<String> options = new ArrayList<>();
        if (args != null) {
            for (String pair : args.split(",")) {
                String trimmed = pair.trim();
                int eq = trimmed.indexOf('=');
                String key = eq < 0 ? trimmed : trimmed.substring(0, eq).trim();
                String value = eq < 0 ? "" : trimmed.substring(eq + 1).trim();
                if (key.equals(COMMAND)) {
                    try {
                        kind = Kind.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown command '" + value + "' (attach, status, detach)");
                    }
                } else if (key.equals(REPLY)) {
                    reply = value;
                } else if (!trimmed.isEmpty()) {
                    options.add(trimmed);
                }
            }
        }
        return new AgentCommand(kind, reply, String.join(",", options));
    }
}
