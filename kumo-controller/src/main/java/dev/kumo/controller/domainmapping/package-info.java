/** The DomainMapping reconciler: claims a domain, resolves its Service and has the router serve it as the Service. */
package dev.kumo.controller.domainmapping;
