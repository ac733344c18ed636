package io.tlslens.examples.scenario;

/** Name, description and expectation, fixed at construction. */
public abstract class BaseScenario implements Scenario {
    private final String name;
    private final String description;
    private final Expectation expectation;

    protected BaseScenario(String name, String description, Expectation expectation) {
        this.name = name;
        this.description = description;
        this.expectation = expectation;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Expectation expectation() {
        return expectation;
    }

    @Override
    public String toString() {
        return name;
    }
}
