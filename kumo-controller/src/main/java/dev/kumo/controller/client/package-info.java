/** Typed access to the store for reconcilers, owner references and the serving labels they stamp. */
package dev.kumo.controller.client;
