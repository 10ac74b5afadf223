/**
 * What every CLI package may use and that uses no other CLI package: the user-error exception, the client's
 * version, {@code --data} values.
 */
package dev.kumo.cli.base;
