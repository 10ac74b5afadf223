/** What the controller uses to drive the data plane: route table snapshots, the endpoints view and the router. */
package dev.kumo.dataplane.api;
