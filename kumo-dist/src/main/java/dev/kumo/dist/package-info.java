/** The release build's steps that are Java: linking the bundled runtime and writing the help reference. */
package dev.kumo.dist;
