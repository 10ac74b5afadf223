package dev.kumo.runtime.spi;

import java.util.List;

/**
 * The container {@code securityContext} settings beyond the user ({@link RunAsSpec}): a read-only root file
 * system, whether the process may gain privileges (setuid), and the Linux capabilities dropped and added.
 */
public record Hardening(boolean readOnlyRootFilesystem, boolean allowPrivilegeEscalation,
        List<String> capabilitiesDrop, List<String> capabilitiesAdd) {

    /** Kubernetes' defaults: a writable root, privilege escalation allowed, the runtime's capabilities. */
    public static final Hardening DEFAULT = new Hardening(false, true, List.of(), List.of());

    public Hardening {
        capabilitiesDrop = List.copyOf(capabilitiesDrop);
        capabilitiesAdd = List.copyOf(capabilitiesAdd);
    }
}
