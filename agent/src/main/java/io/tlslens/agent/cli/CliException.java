package io.tlslens.agent.cli;

/** A failure the CLI reports as one line on standard error, exiting with {@link #exitCode}. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    static final int FAILED = 1;
    static final int USAGE = 2;

    final int exitCode;

    CliException(String message) {
        this(message, FAILED);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
