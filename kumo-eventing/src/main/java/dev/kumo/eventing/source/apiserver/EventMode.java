package dev.kumo.eventing.source.apiserver;

/** What an ApiServerSource's events carry: a reference to the object (Knative's default) or the object itself. */
public enum EventMode {
    REFERENCE("ref"), RESOURCE("resource");

    private final String typeSegment;

    EventMode(String typeSegment) {
        this.typeSegment = typeSegment;
    }

    /** Reads {@code spec.mode} ({@code Reference}, or Knative's older {@code Ref}; {@code Resource}); empty = Reference. */
    public static EventMode of(String mode) {
        return switch (mode == null ? "" : mode) {
            case "", "Reference", "Ref" -> REFERENCE;
            case "Resource" -> RESOURCE;
            default -> throw new IllegalArgumentException("mode \"" + mode + "\" is not Reference or Resource");
        };
    }

    String typeSegment() {
        return typeSegment;
    }
}
