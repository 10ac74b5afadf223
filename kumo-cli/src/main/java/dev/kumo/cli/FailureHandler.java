package dev.kumo.cli;

import dev.kumo.cli.session.ErrorReport;
import dev.kumo.cli.session.Session;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports failures without stack traces: usage errors as picocli's message plus a usage hint, every other failure
 * through {@link ErrorReport}. Both exit 1, as kn's do. {@code KUMO_DEBUG=1} adds the stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

    static final int FAILED = 1;

    private final Session session;

    FailureHandler(Session session) {
        this.session = session;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = session.err();
        session.out().flush();
        List<String> lines = ErrorReport.lines(failure);
        err.println(session.colours().red("Error:") + lines.getFirst().substring("Error:".length()));
        lines.subList(1, lines.size()).forEach(err::println);
        if (session.environment().variable("KUMO_DEBUG").isPresent()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = session.err();
        err.println(session.colours().red("Error:") + " " + failure.getMessage());
        UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return FAILED;
    }
}
