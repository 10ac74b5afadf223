/** SQLite files as Kumo's store and event log keep them: connection pragmas and a versioned layout. */
package dev.kumo.common.sqlite;
