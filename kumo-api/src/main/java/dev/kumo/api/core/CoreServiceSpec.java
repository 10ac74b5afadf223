package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A Service's spec with Kubernetes' fields: Kumo uses {@code selector} and {@code ports}; the rest (cluster IPs,
 * affinity, traffic policies) is accepted and stored as written, with Kubernetes' defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoreServiceSpec(
        List<ServicePort> ports,
        Map<String, String> selector,
        String clusterIP,
        List<String> clusterIPs,
        String type,
        List<String> externalIPs,
        String sessionAffinity,
        ObjectNode sessionAffinityConfig,
        String loadBalancerIP,
        List<String> loadBalancerSourceRanges,
        String loadBalancerClass,
        Boolean allocateLoadBalancerNodePorts,
        String externalName,
        String externalTrafficPolicy,
        String internalTrafficPolicy,
        Integer healthCheckNodePort,
        Boolean publishNotReadyAddresses,
        List<String> ipFamilies,
        String ipFamilyPolicy,
        String trafficDistribution) {

    public List<ServicePort> portsOrEmpty() {
        return ports == null ? List.of() : ports;
    }

    public Map<String, String> selectorOrEmpty() {
        return selector == null ? Map.of() : selector;
    }
}
