/** {@code kumo completion bash|zsh}: shell completion scripts generated from the command tree. */
package dev.kumo.cli.completion;
