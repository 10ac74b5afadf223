package dev.kumo.api.core;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import dev.kumo.api.serving.pod.IntOrString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The core {@code v1} Service: Kubernetes' defaults (type ClusterIP, protocol TCP, targetPort = port), validation
 * naming the field, and kubectl's columns — EXTERNAL-IP shows the loopback address Kumo gives each port.
 */
public final class CoreServiceKind {

    /** The cluster IP every Service shows: Kumo's addresses are loopback ports, in {@code status.loadBalancer}. */
    public static final String CLUSTER_IP = "127.0.0.1";
    private static final List<String> TYPES = List.of("ClusterIP", "NodePort", "LoadBalancer");

    private CoreServiceKind() {
    }

    public static KindDefinition definition() {
        return new KindDefinition(ResourceTypes.CORE_SERVICE, new TypedAdmission<>(ResourceTypes.CORE_SERVICE,
                CoreService.class, NameRule.DNS1035_LABEL, new TypedAdmission.Rules<>() {
                    public CoreService withDefaults(CoreService value) {
                        return value.spec() == null ? value : value.withSpec(defaults(value.spec()));
                    }

                    public List<FieldError> validate(CoreService value, Optional<CoreService> existing) {
                        return CoreServiceKind.validate(value);
                    }
                })).withPrinting(new Printing(List.of(PrinterColumn.name("Name"),
                        PrinterColumn.value("Type", ".spec.type"),
                        PrinterColumn.value("Cluster-IP", ".spec.clusterIP"),
                        PrinterColumn.rendered("External-IP", ".status.loadBalancer.ingress", Cell.ADDRESSES),
                        PrinterColumn.rendered("Port(s)", ".spec.ports", Cell.SERVICE_PORTS),
                        PrinterColumn.age("Age")), Printing.NAME_AND_AGE.kn()));
    }

    static CoreServiceSpec defaults(CoreServiceSpec spec) {
        List<ServicePort> ports = spec.portsOrEmpty().stream().map(p -> new ServicePort(p.name(),
                p.protocol() == null ? "TCP" : p.protocol(), p.appProtocol(), p.port(),
                p.targetPort() == null && p.port() != null ? IntOrString.of(p.port()) : p.targetPort(),
                p.nodePort())).toList();
        String clusterIP = spec.clusterIP() == null || spec.clusterIP().isEmpty() ? CLUSTER_IP : spec.clusterIP();
        return new CoreServiceSpec(spec.ports() == null ? null : ports, spec.selector(), clusterIP,
                spec.clusterIPs() == null ? List.of(clusterIP) : spec.clusterIPs(),
                spec.type() == null ? "ClusterIP" : spec.type(), spec.externalIPs(),
                spec.sessionAffinity() == null ? "None" : spec.sessionAffinity(), spec.sessionAffinityConfig(),
                spec.loadBalancerIP(), spec.loadBalancerSourceRanges(), spec.loadBalancerClass(),
                spec.allocateLoadBalancerNodePorts(), spec.externalName(), spec.externalTrafficPolicy(),
                spec.internalTrafficPolicy() == null ? "Cluster" : spec.internalTrafficPolicy(),
                spec.healthCheckNodePort(), spec.publishNotReadyAddresses(),
                spec.ipFamilies() == null ? List.of("IPv4") : spec.ipFamilies(),
                spec.ipFamilyPolicy() == null ? "SingleStack" : spec.ipFamilyPolicy(), spec.trafficDistribution());
    }

    static List<FieldError> validate(CoreService value) {
        List<FieldError> errors = new ArrayList<>();
        CoreServiceSpec spec = value.spec();
        if (spec == null) {
            errors.add(FieldError.required("spec", "a Service needs a spec with selector and ports"));
            return errors;
        }
        if (!TYPES.contains(spec.type())) {
            errors.add(FieldError.notSupported("spec.type", spec.type(), TYPES));
        }
        List<ServicePort> ports = spec.portsOrEmpty();
        if (ports.isEmpty()) {
            errors.add(FieldError.required("spec.ports", "give at least one port, such as {port: 80, targetPort: "
                    + "8080}"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            String at = "spec.ports[" + i + "]";
            if (port.port() == null || port.port() < 1 || port.port() > 65535) {
                errors.add(FieldError.invalid(at + ".port", port.port(), "must be between 1 and 65535, inclusive"));
            }
            if (!"TCP".equals(port.protocol())) {
                errors.add(FieldError.notSupported(at + ".protocol", port.protocol(), List.of("TCP")));
            }
            if (ports.size() > 1 && (port.name() == null || port.name().isEmpty())) {
                errors.add(FieldError.required(at + ".name", "each port of a Service with several needs a name"));
            } else if (port.name() != null && !names.add(port.name())) {
                errors.add(FieldError.duplicate(at + ".name", port.name()));
            }
            if (port.targetPort() != null && port.targetPort().asInt().map(p -> p < 1 || p > 65535).orElse(false)) {
                errors.add(FieldError.invalid(at + ".targetPort", port.targetPort(),
                        "must be between 1 and 65535, inclusive"));
            }
        }
        return errors;
    }
}
