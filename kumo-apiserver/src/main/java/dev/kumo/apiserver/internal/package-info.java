/** The API server's request handling; not for use outside this module. */
package dev.kumo.apiserver.internal;
