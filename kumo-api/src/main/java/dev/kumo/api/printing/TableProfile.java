package dev.kumo.api.printing;

import java.util.Locale;

/**
 * Which of a kind's tables a client asks for: kubectl's (the default) or kn's, named by the {@code profile=kn}
 * parameter of the Table media type ({@code application/json;as=Table;v=v1;g=meta.k8s.io;profile=kn}).
 */
public enum TableProfile {
    KUBECTL, KN;

    /** The media-type parameter that asks for this profile's table; empty for kubectl's. */
    public String mediaTypeParameter() {
        return this == KN ? ";profile=kn" : "";
    }

    /** The profile an {@code Accept} header asks for. */
    public static TableProfile fromAccept(String accept) {
        return accept.toLowerCase(Locale.ROOT).replace(" ", "").contains(";profile=kn") ? KN : KUBECTL;
    }
}
