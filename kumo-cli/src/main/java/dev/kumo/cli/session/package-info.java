/**
 * What a command works with in one invocation: the environment, global options and session (with its API client),
 * group commands, list output and error reports. Command packages use it; it uses no command package.
 */
package dev.kumo.cli.session;
