/** HTTP plumbing shared by the mesh's dispatcher and the sources' senders. */
package dev.kumo.eventing.http;
