/** The Broker reconciler: serves Brokers of Kumo's class in the event mesh and gives them their ingress address. */
package dev.kumo.controller.broker;
