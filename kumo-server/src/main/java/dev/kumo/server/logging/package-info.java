/** How the server's log reads: text with date and zone, or JSON lines with stable keys ({@code --log-format}). */
package dev.kumo.server.logging;
