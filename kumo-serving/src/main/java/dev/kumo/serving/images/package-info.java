/** Image tags resolved to digests through a registry's v2 API, as Knative does when a Revision is created. */
package dev.kumo.serving.images;
