/** An exclusive OS file lock, so that one owner holds a directory or a database. */
package dev.kumo.common.lock;
