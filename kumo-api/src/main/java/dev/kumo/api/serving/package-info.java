/** The serving.knative.dev/v1 kinds (Service, Configuration, Revision, Route) as wire records, and their admission. */
package dev.kumo.api.serving;
