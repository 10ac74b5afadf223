/**
 * The Netty front of the router: plain HTTP/1.x requests forwarded by Netty itself, every other connection relayed
 * to the Vert.x router.
 */
package dev.kumo.dataplane.router.front;
