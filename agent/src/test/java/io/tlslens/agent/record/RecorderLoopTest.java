package io.tlslens.agent.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecorderLoopTest {

    /** The recorder is never signalled by an offer: it must still find every event, in order, by polling. */
    @Test
    void recordsEveryEventOfferedWhileItSleepsBetweenPolls() throws InterruptedException {
        EventQueue<QueuedEvent> queue = new EventQueue<>(64);
        RecorderLoop loop = new RecorderLoop(queue, List.of());
        List<Integer> recorded = new ArrayList<>();
        Thread recorder = new Thread(() -> loop.run(record -> { }));
        recorder.start();

        int events = 2_000;
        for (int i = 0; i < events; i++) {
            int n = i;
            while (!queue.offer(sink -> recorded.add(n))) {
                Thread.onSpinWait(); // the test waits for room rather than counting drops
            }
            if (i % 500 == 0) {
                Thread.sleep(30); // let the recorder find the queue empty and go to sleep
            }
        }
        loop.requestStop();
        recorder.join(10_000);
        assertFalse(recorder.isAlive(), "the loop ends once asked to");

        assertEquals(events, recorded.size(), "nothing lost, the last ones drained at stop");
        for (int i = 0; i < events; i++) {
            assertEquals(i, recorded.get(i));
        }
    }

    @Test
    void anInterruptEndsTheLoopAfterDrainingTheQueue() throws InterruptedException {
        EventQueue<QueuedEvent> queue = new EventQueue<>(8);
        RecorderLoop loop = new RecorderLoop(queue, List.of());
        List<String> recorded = new ArrayList<>();
        Thread recorder = new Thread(() -> loop.run(record -> { }));
        queue.offer(sink -> recorded.add("before start"));
        recorder.start();
        recorder.interrupt();
        recorder.join(10_000);
        assertFalse(recorder.isAlive());
        assertEquals(List.of("before start"), recorded);
    }
}
