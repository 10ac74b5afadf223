package dev.kumo.controller.domainmapping;

import static dev.kumo.api.serving.lifecycle.DomainMappingConditions.CERTIFICATE_PROVISIONED;
import static dev.kumo.api.serving.lifecycle.DomainMappingConditions.DOMAIN_CLAIMED;
import static dev.kumo.api.serving.lifecycle.DomainMappingConditions.INGRESS_READY;
import static dev.kumo.api.serving.lifecycle.DomainMappingConditions.REFERENCE_RESOLVED;
import static dev.kumo.api.serving.lifecycle.DomainMappingConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import dev.kumo.api.serving.DomainMappingStatus;
import java.time.InstantSource;
import java.util.List;

/** A DomainMapping's status being reconciled, changed only through named mutators (as Knative's lifecycle). */
final class DomainMappingLifecycle {

    private final DomainMappingStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private String url;

    DomainMappingLifecycle(DomainMappingStatus current, InstantSource clock) {
        this.original = current == null ? DomainMappingStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.url = original.url();
    }

    /** Where the domain is reached ({@code status.url}, and {@code status.address.url} as Knative's). */
    void setUrl(String value) {
        url = value;
    }

    void markDomainClaimed() {
        conditions = SET.markTrue(conditions, DOMAIN_CLAIMED, clock);
    }

    /** Another namespace's mapping holds the domain. */
    void markDomainAlreadyClaimed(String holderNamespace) {
        conditions = SET.markFalse(conditions, DOMAIN_CLAIMED, "DomainAlreadyClaimed", "The domain name is already "
                + "in use by the DomainMapping in namespace \"" + holderNamespace + "\"; delete that one or map "
                + "another name", clock);
    }

    void markReferenceResolved() {
        conditions = SET.markTrue(conditions, REFERENCE_RESOLVED, clock);
    }

    void markReferenceNotResolved(String message) {
        conditions = SET.markFalse(conditions, REFERENCE_RESOLVED, "ResolveFailed", message, clock);
    }

    /** No TLS was asked for: the domain is served over http (Knative's CertificateNotRequired). */
    void markCertificateNotRequired() {
        conditions = SET.markTrueWithReason(conditions, CERTIFICATE_PROVISIONED, "TLSNotEnabled",
                "TLS is not enabled for this DomainMapping: it is served over http", clock);
    }

    /** TLS was asked for and Kumo's router does not terminate TLS for custom domains. */
    void markCertificateNotSupported(String secretName) {
        conditions = SET.markFalse(conditions, CERTIFICATE_PROVISIONED, "TLSNotSupported", "spec.tls.secretName \""
                + secretName + "\": Kumo's router does not terminate TLS for custom domains; the domain is served "
                + "over http only (remove spec.tls to have the mapping Ready)", clock);
    }

    void markIngressReady() {
        conditions = SET.markTrue(conditions, INGRESS_READY, clock);
    }

    void markIngressNotReady(String reason, String message) {
        conditions = SET.markUnknown(conditions, INGRESS_READY, reason, message, clock);
    }

    DomainMappingStatus toStatus(long generation) {
        return new DomainMappingStatus(generation, conditions, original.annotations(), url,
                url == null ? null : Addressable.of(url));
    }
}
