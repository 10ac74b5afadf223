package dev.kumo.api.duck;

import dev.kumo.api.errors.FieldError;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Knative's rules for a {@link Destination} and the {@link KReference} in it; every error names its field path. */
public final class DestinationValidation {

    private DestinationValidation() {
    }

    /** Validates a destination that must be given ({@code sink}, {@code subscriber}). */
    public static List<FieldError> validateRequired(Destination destination, String path) {
        if (destination == null) {
            return List.of(FieldError.required(path, "expected at least one, got none: ref, uri"));
        }
        return validate(destination, path);
    }

    /** Validates a destination: a ref, an absolute URI, or a ref with a URI relative to its address. */
    public static List<FieldError> validate(Destination destination, String path) {
        List<FieldError> errors = new ArrayList<>();
        KReference ref = destination.ref();
        String uri = destination.uri();
        if (ref == null && uri == null) {
            return List.of(FieldError.required(path, "expected at least one, got none: ref, uri"));
        }
        if (uri != null) {
            Optional<URI> parsed = parse(uri);
            if (parsed.isEmpty()) {
                errors.add(FieldError.invalid(path + ".uri", uri, "not a URI"));
            } else if (ref != null && parsed.get().isAbsolute()) {
                errors.add(FieldError.invalid(path + ".uri", uri, "an absolute URI is not allowed with a ref; give a "
                        + "path relative to the ref's address, or remove the ref"));
            } else if (ref == null && (!parsed.get().isAbsolute() || parsed.get().getHost() == null)) {
                errors.add(FieldError.invalid(path + ".uri", uri, "a relative URI needs a ref to resolve against; "
                        + "give an absolute URI such as http://host/path"));
            }
        }
        if (ref != null) {
            errors.addAll(validate(ref, path + ".ref"));
        }
        if (destination.caCerts() != null && !isCertificate(destination.caCerts())) {
            errors.add(FieldError.invalid(path + ".CACerts", "<PEM>", "not a PEM-encoded X.509 certificate"));
        }
        return errors;
    }

    /** Validates a reference: kind, apiVersion and name are required; {@code group} is feature-gated off. */
    public static List<FieldError> validate(KReference ref, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(ref.kind())) {
            errors.add(FieldError.required(path + ".kind", "the kind of the referenced object, e.g. Service"));
        }
        if (isBlank(ref.apiVersion())) {
            errors.add(FieldError.required(path + ".apiVersion",
                    "the apiVersion of the referenced object, e.g. serving.knative.dev/v1"));
        }
        if (isBlank(ref.name())) {
            errors.add(FieldError.required(path + ".name", "the name of the referenced object"));
        }
        if (ref.group() != null && !ref.group().isEmpty()) {
            errors.add(FieldError.forbidden(path + ".group", "the kreference-group feature is not enabled; "
                    + "use apiVersion instead"));
        }
        return errors;
    }

    private static Optional<URI> parse(String uri) {
        try {
            return Optional.of(new URI(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isCertificate(String pem) {
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
