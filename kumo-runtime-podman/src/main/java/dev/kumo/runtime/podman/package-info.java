/** The container runtime: each instance a pod of its own, run by podman and driven through its REST API. */
package dev.kumo.runtime.podman;
