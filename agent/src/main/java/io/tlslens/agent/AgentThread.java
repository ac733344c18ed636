package io.tlslens.agent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread of TLSLens's own. Connections opened on one (the OTLP exporter's, when its endpoint is
 * https) are not recorded: TLSLens would otherwise trace its own export.
 */
public final class AgentThread extends Thread {

    private AgentThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    public static Thread create(Runnable task, String name) {
        return new AgentThread(task, name);
    }

    public static boolean isCurrent() {
        return Thread.currentThread() instanceof AgentThread;
    }

    /** Daemon threads named {@code prefix-N}. */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> create(task, prefix + "-" + count.incrementAndGet());
    }
}
