package dev.kumo.api.serving.lifecycle;

/**
 * A DomainMapping is Ready when its domain is claimed (no other namespace's mapping holds it), its reference
 * resolves, its certificate is provisioned (or none is needed) and the router serves the domain — as Knative's.
 */
public final class DomainMappingConditions {

    public static final String READY = "Ready";
    public static final String DOMAIN_CLAIMED = "DomainClaimed";
    public static final String REFERENCE_RESOLVED = "ReferenceResolved";
    public static final String CERTIFICATE_PROVISIONED = "CertificateProvisioned";
    public static final String INGRESS_READY = "IngressReady";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = ConditionSet.living(READY, DOMAIN_CLAIMED, REFERENCE_RESOLVED,
            CERTIFICATE_PROVISIONED, INGRESS_READY);

    private DomainMappingConditions() {
    }
}
