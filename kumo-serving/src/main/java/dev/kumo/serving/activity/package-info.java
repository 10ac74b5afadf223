/** What each Revision did in the last minutes (requests per second, cold starts and their split), kept in memory. */
package dev.kumo.serving.activity;
