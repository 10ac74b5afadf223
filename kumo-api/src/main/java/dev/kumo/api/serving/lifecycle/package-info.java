/** The condition types of each serving kind and pure functions that set them and derive Ready. */
package dev.kumo.api.serving.lifecycle;
