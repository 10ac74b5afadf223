/** Pure builders of what a Route wants: its status traffic and the routing table the data plane serves. */
package dev.kumo.controller.route.resources;
