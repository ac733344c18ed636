package io.tlslens.examples;

import io.tlslens.examples.net.Background;
import io.tlslens.examples.net.Timeouts;
import io.tlslens.examples.pki.KeyType;
import io.tlslens.examples.pki.Pki;
import io.tlslens.examples.scenario.Expectation;
import io.tlslens.examples.scenario.Outcome;
import io.tlslens.examples.scenario.Scenario;
import io.tlslens.examples.scenario.ScenarioContext;
import io.tlslens.examples.scenario.Scenarios;
import io.tlslens.examples.scenario.Stack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs scenarios and prints one line each: {@code PASS|FAIL|SKIP name  expected: ...  actual: ...}.
 *
 * <pre>
 * java -jar tlslens-examples.jar [--list] [case-name ...]
 * java -jar tlslens-examples.jar --write-pki DIR
 * </pre>
 *
 * {@code --list} shows the cases without running them; {@code --write-pki} writes a fresh P-256 PKI as
 * PEM and PKCS#12 files (for openssl, curl, nginx) and runs nothing.
 *
 * Exit status 0 when every case that ran behaved as expected (a skipped case, e.g. openssl absent, does
 * not count against it), 1 when one did not, 2 for a usage error. Everything goes to standard output;
 * standard error is left to real errors and to an attached agent.
 */
public final class Gallery {
    static final int OK = 0;
    static final int MISBEHAVED = 1;
    static final int USAGE = 2;

    private final List<Scenario> catalogue;
    private final PrintStream out;
    private final PrintStream err;

    /** A gallery of {@code catalogue} (normally {@link Scenarios#all()}) printing to {@code out} and {@code err}. */
    public Gallery(List<Scenario> catalogue, PrintStream out, PrintStream err) {
        this.catalogue = List.copyOf(catalogue);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Gallery(Scenarios.all(), System.out, System.err).run(args));
    }

    /** Runs the command line; returns the exit status. */
    public int run(String... args) throws Exception {
        List<Scenario> selected = new ArrayList<>();
        boolean list = false;
        Path pkiDirectory = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--list")) {
                list = true;
            } else if (args[i].equals("--write-pki") && i + 1 < args.length) {
                pkiDirectory = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].startsWith("-")) {
                return usage(args[i].equals("--help") ? null : "unknown option " + args[i]);
            } else {
                Optional<Scenario> scenario = byName(args[i]);
                if (scenario.isEmpty()) {
                    return usage("no scenario named " + args[i] + " (--list shows them)");
                }
                selected.add(scenario.get());
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(catalogue);
        }
        Stack stack = Stack.current();
        if (list) {
            for (Scenario scenario : selected) {
                out.printf("%-32s %-62s %s%n", scenario.name(), expected(scenario, stack), scenario.description());
            }
            return OK;
        }
        if (pkiDirectory != null) {
            out.println("PKI written to " + new Pki(KeyType.EC_P256).writeTo(pkiDirectory).toAbsolutePath());
            return OK;
        }
        try (ScenarioContext context = new ScenarioContext()) {
            return runAll(selected, stack, context);
        }
    }

    private Optional<Scenario> byName(String name) {
        return catalogue.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }

    private int runAll(List<Scenario> scenarios, Stack stack, ScenarioContext context) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        out.println("stack: " + stack + (stack == Stack.REFERENCE ? " (TLSLens reference stack, agent option stack=reference)"
                : " (SunJSSE)"));
        for (Scenario scenario : scenarios) {
            Optional<String> unavailable = scenario.unavailableReason().or(() -> scenario.expectation().whyNotOn(stack));
            if (unavailable.isPresent()) {
                skipped++;
                report("SKIP", scenario, expected(scenario, stack), unavailable.get());
                continue;
            }
            Verdict verdict = runOne(scenario, context);
            if (verdict.passed) {
                passed++;
            } else {
                failed++;
            }
            report(verdict.passed ? "PASS" : "FAIL", scenario, scenario.expectation().toString(), verdict.actual);
        }
        out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        return failed == 0 ? OK : MISBEHAVED;
    }

    /** What one scenario did. */
    public static final class Verdict {
        public final boolean passed;
        public final String actual;

        Verdict(boolean passed, String actual) {
            this.passed = passed;
            this.actual = actual;
        }
    }

    /** Runs one scenario under {@link Timeouts#SCENARIO}; a scenario that cannot even be set up fails. */
    public static Verdict runOne(Scenario scenario, ScenarioContext context) {
        try {
            Outcome outcome = Background.start("scenario-" + scenario.name(), () -> scenario.run(context))
                    .await(Timeouts.SCENARIO);
            return new Verdict(scenario.expectation().isMetBy(outcome), outcome.describe());
        } catch (Exception e) {
            return new Verdict(false, "could not run: " + Outcome.summary(e));
        }
    }

    /** The expectation, or that the scenario does not apply to {@code stack}. */
    private static String expected(Scenario scenario, Stack stack) {
        Expectation expectation = scenario.expectation();
        return expectation.appliesTo(stack) ? expectation.toString() : "not on the " + stack + " stack";
    }

    private void report(String verdict, Scenario scenario, String expected, String actual) {
        out.printf("%s %-32s expected: %-62s actual: %s%n", verdict, scenario.name(), expected, actual);
        out.flush();
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("gallery: " + problem);
        }
        (problem == null ? out : err).println("usage: java -jar tlslens-examples.jar [--list] [case-name ...]\n"
                + "       java -jar tlslens-examples.jar --write-pki DIR");
        return problem == null ? OK : USAGE;
    }
}
