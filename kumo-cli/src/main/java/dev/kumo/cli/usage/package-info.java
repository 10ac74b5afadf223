/** {@code kumo usage}: the metered usage per Service or Revision, with an estimated cost from a price table. */
package dev.kumo.cli.usage;
