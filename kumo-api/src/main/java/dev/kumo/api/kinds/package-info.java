/** The kinds Kumo serves and the admission (decode, default, validate) of each. */
package dev.kumo.api.kinds;
