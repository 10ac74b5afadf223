/**
 * The {@code java} build strategy: sources, a Maven or a Gradle project compiled with the JDK Kumo runs on, layered
 * by Jib onto a JRE Kumo links itself with jlink, and loaded into podman's local storage — no registry, no download.
 */
package dev.kumo.build.java;
