package io.tlslens.examples.net;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task on its own daemon thread (a stuck peer must never keep the JVM alive) whose result is awaited
 * with a timeout.
 */
public final class Background<T> {
    private final FutureTask<T> task;
    private final Thread thread;

    private Background(String name, Callable<T> work) {
        this.task = new FutureTask<>(work);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    public static <T> Background<T> start(String threadName, Callable<T> work) {
        Background<T> background = new Background<>(threadName, work);
        background.thread.start();
        return background;
    }

    /** The task's value; rethrows what the task threw, or a {@link TimeoutException} once {@code timeout} passes. */
    public T await(Duration timeout) throws Exception {
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        } catch (TimeoutException e) {
            thread.interrupt();
            TimeoutException timedOut = new TimeoutException(thread.getName() + " did not finish within " + timeout);
            timedOut.initCause(e);
            throw timedOut;
        }
    }

    /** What the task threw, null if it completed normally; a timeout counts as a failure. */
    public Throwable failure(Duration timeout) {
        try {
            await(timeout);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
