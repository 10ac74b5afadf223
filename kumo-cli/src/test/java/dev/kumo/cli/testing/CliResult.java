package dev.kumo.cli.testing;

/**
 * What one CLI run did.
 *
 * @param exitCode 0 ok, 1 failed or a usage error
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record CliResult(int exitCode, String out, String err) {
}
