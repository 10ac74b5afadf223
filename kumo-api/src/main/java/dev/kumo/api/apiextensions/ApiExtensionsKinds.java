package dev.kumo.api.apiextensions;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.placeholder.PlaceholderKinds;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * CustomResourceDefinitions, read-only: the API server puts in one per Knative kind it serves (Knative's published
 * CRD with its OpenAPI schema) and refuses every write, as Kumo runs only its built-in kinds.
 */
public final class ApiExtensionsKinds {

    public static final ResourceType CUSTOM_RESOURCE_DEFINITION = new ResourceType("apiextensions.k8s.io", "v1",
            "CustomResourceDefinition", "customresourcedefinitions", "customresourcedefinition", false, false,
            List.of("crd", "crds"), List.of("api-extensions"));

    private ApiExtensionsKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(new KindDefinition(CUSTOM_RESOURCE_DEFINITION, PlaceholderKinds.refusing(
                "CustomResourceDefinitions are read-only in Kumo: they describe the Knative kinds built into it, and "
                        + "Kumo does not serve kinds added at run time"))
                .withPrinting(new Printing(List.of(PrinterColumn.name("Name"), PrinterColumn.created("Created At")),
                        Printing.NAME_AND_AGE.kn())));
    }
}
