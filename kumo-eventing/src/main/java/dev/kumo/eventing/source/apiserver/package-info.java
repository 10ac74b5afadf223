/** ApiServerSource: Kumo's own resource changes as {@code dev.knative.apiserver.*} CloudEvents. */
package dev.kumo.eventing.source.apiserver;
