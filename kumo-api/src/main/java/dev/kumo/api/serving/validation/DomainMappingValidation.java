package dev.kumo.api.serving.validation;

import dev.kumo.api.duck.KReference;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.DomainMappingSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A DomainMapping: its name is a fully qualified domain name outside the cluster's own domain, its {@code spec.ref}
 * a Knative Service or Route (or the {@code v1} Service of one) in its own namespace, its {@code spec.tls} names a Secret.
 */
public final class DomainMappingValidation {

    /** The references a domain may map to: a Knative Service or Route, or the Kubernetes Service Knative gives one. */
    public static final List<String> REF_KINDS = List.of("serving.knative.dev/v1 Service",
            "serving.knative.dev/v1 Route", "v1 Service");
    private static final String CLUSTER_DOMAIN = ".svc.cluster.local";

    private DomainMappingValidation() {
    }

    public static List<FieldError> validate(DomainMapping value) {
        List<FieldError> errors = new ArrayList<>(name(value.metadata() == null ? null : value.metadata().name()));
        DomainMappingSpec spec = value.spec();
        if (spec == null) {
            errors.add(FieldError.required("spec.ref", "a DomainMapping maps its domain to a Service: set spec.ref "
                    + "(kind: Service, apiVersion: serving.knative.dev/v1, name: SERVICE)"));
            return errors;
        }
        errors.addAll(ref(spec.ref(), value.metadata() == null ? null : value.metadata().namespace()));
        if (spec.tls() != null && (spec.tls().secretName() == null || spec.tls().secretName().isEmpty())) {
            errors.add(FieldError.required("spec.tls.secretName", "name the Secret holding the domain's certificate, "
                    + "or leave spec.tls out"));
        }
        return errors;
    }

    private static List<FieldError> name(String name) {
        if (name == null || name.isEmpty() || Names.dns1123SubdomainError(name).isPresent()) {
            return List.of(); // the object-name checks report it
        }
        if (name.indexOf('.') < 0) {
            return List.of(FieldError.invalid("metadata.name", name, "a DomainMapping's name is the domain it maps "
                    + "and must be a fully qualified domain name with at least two labels, e.g. hello.example.com"));
        }
        if (name.endsWith(CLUSTER_DOMAIN)) {
            return List.of(FieldError.invalid("metadata.name", name, "must not be a subdomain of the cluster domain "
                    + "\"svc.cluster.local\": map a domain of your own"));
        }
        return List.of();
    }

    private static List<FieldError> ref(KReference ref, String namespace) {
        if (ref == null) {
            return List.of(FieldError.required("spec.ref", "set spec.ref to the Service the domain maps to "
                    + "(kind: Service, apiVersion: serving.knative.dev/v1, name: SERVICE)"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (ref.name() == null || ref.name().isEmpty()) {
            errors.add(FieldError.required("spec.ref.name", "the name of the Service the domain maps to"));
        }
        String kind = (ref.apiVersion() == null ? "" : ref.apiVersion()) + " " + (ref.kind() == null ? "" : ref.kind());
        if (!REF_KINDS.contains(kind)) {
            errors.add(FieldError.notSupported("spec.ref", kind.strip(), REF_KINDS));
        }
        if (ref.namespace() != null && !ref.namespace().isEmpty() && namespace != null
                && !ref.namespace().equals(namespace)) {
            errors.add(FieldError.invalid("spec.ref.namespace", ref.namespace(), "must be the DomainMapping's "
                    + "namespace \"" + namespace + "\": create the mapping in the Service's namespace"));
        }
        return errors;
    }
}
