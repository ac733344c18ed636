package io.tlslens.agent.testing.apps;

import java.nio.file.Paths;

/**
 * For ChildJvm's kill-on-timeout self-test: never exits. With the argument "spawn" it first starts a second HangingApp
 * JVM and prints "child-pid:PID", so the test can check that the whole process tree is killed, not just the top.
 */
public final class HangingApp {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("spawn")) {
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process grandchild = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HangingApp.class.getName()).inheritIO().start();
            System.out.println("child-pid:" + grandchild.pid());
        }
        System.out.println("hanging");
        Thread.sleep(Long.MAX_VALUE);
    }
}
