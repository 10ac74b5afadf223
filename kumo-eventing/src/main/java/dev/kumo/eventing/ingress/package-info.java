/** The broker ingress: {@code POST /{namespace}/{broker}} with a CloudEvent, answered 202 once it is durable. */
package dev.kumo.eventing.ingress;
