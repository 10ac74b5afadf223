package dev.kumo.api.serving.defaults;

import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.DomainMappingSpec;
import dev.kumo.api.serving.ConfigurationSpec;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.RouteSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.ServiceSpec;
import java.util.Optional;

/** Knative's SetDefaults for each serving kind; {@code existing} is the stored object on update. */
public final class KindDefaults {

    private KindDefaults() {
    }

    public static Service service(Service value, Optional<Service> existing, ServingDefaults defaults) {
        ServiceSpec spec = value.spec() == null ? new ServiceSpec(null, null) : value.spec();
        return value.withSpec(new ServiceSpec(
                template(spec.template(), existing.map(Service::spec).map(ServiceSpec::template), defaults),
                TrafficDefaults.forService(spec.traffic())));
    }

    public static Configuration configuration(Configuration value, Optional<Configuration> existing,
            ServingDefaults defaults) {
        RevisionTemplateSpec template = value.spec() == null ? null : value.spec().template();
        return value.withSpec(new ConfigurationSpec(template(template,
                existing.map(Configuration::spec).map(ConfigurationSpec::template), defaults)));
    }

    /** A Revision is defaulted when created only: its spec is immutable afterwards. */
    public static Revision revision(Revision value, Optional<Revision> existing, ServingDefaults defaults) {
        return existing.isPresent() ? value : value.withSpec(RevisionSpecDefaults.apply(value.spec(), defaults));
    }

    public static Route route(Route value) {
        return value.spec() == null ? value
                : value.withSpec(new RouteSpec(TrafficDefaults.forRoute(value.spec().traffic())));
    }

    /** A DomainMapping's reference names its own namespace when it names none (Knative's SetDefaults). */
    public static DomainMapping domainMapping(DomainMapping value) {
        String namespace = value.metadata() == null ? null : value.metadata().namespace();
        if (value.spec() == null || value.spec().ref() == null || namespace == null || namespace.isEmpty()) {
            return value;
        }
        return value.withSpec(new DomainMappingSpec(value.spec().ref().withDefaultNamespace(namespace),
                value.spec().tls()));
    }

    /**
     * Defaults a template. When it keeps the stored template's bring-your-own name and differs from it only by
     * defaults, the stored template is kept as it was, so re-applying a manifest is not a change.
     */
    public static RevisionTemplateSpec template(RevisionTemplateSpec value, Optional<RevisionTemplateSpec> previous,
            ServingDefaults defaults) {
        RevisionTemplateSpec defaulted = specDefaults(value == null ? new RevisionTemplateSpec(null, null) : value,
                defaults);
        if (previous.isPresent() && defaulted.byoName().isPresent()
                && defaulted.byoName().equals(previous.get().byoName())
                && specDefaults(previous.get(), defaults).equals(defaulted)) {
            return previous.get();
        }
        return defaulted;
    }

    private static RevisionTemplateSpec specDefaults(RevisionTemplateSpec template, ServingDefaults defaults) {
        return template.withSpec(RevisionSpecDefaults.apply(template.spec(), defaults));
    }
}
