package dev.kumo.apiserver.internal;

import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ResourceStore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The OpenAPI documents and the CRDs in the store, made once from Knative's CRD YAML when first needed: parsing
 * that YAML costs about a second of CPU on a cold JVM, which a server nobody asks for schemas (most tests, a
 * {@code kumo} CLI session) should not pay while its first workloads start. The first {@code kubectl apply} or
 * {@code kubectl get crd} waits for it.
 */
final class SchemaDocuments {

    private final Kinds kinds;
    private final ResourceStore store;
    private final ReentrantLock making = new ReentrantLock();
    private volatile Documents documents;

    /** What the YAML becomes: the OpenAPI documents and the protobuf {@code /openapi/v2}. */
    record Documents(OpenApiDocs openApi, byte[] openApiV2Protobuf) {
    }

    /** The documents of {@code kinds}, the CRDs going into {@code store} if CRDs are among them. */
    SchemaDocuments(Kinds kinds, ResourceStore store) {
        this.kinds = kinds;
        this.store = store;
    }

    /** The documents, made (and the CRDs installed) by the first caller. */
    Documents get() {
        Documents made = documents;
        if (made != null) {
            return made;
        }
        making.lock();
        try {
            if (documents == null) {
                documents = make();
            }
            return documents;
        } finally {
            making.unlock();
        }
    }

    private Documents make() {
        KnativeCrds crds = KnativeCrds.of(kinds.types());
        ResourceType crdType = ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION;
        if (kinds.find(crdType.group(), crdType.version(), crdType.plural()).isPresent()) {
            crds.install(store);
        }
        OpenApiDocs openApi = new OpenApiDocs(kinds.types(), crds::schema);
        return new Documents(openApi, OpenApiV2Protobuf.document(openApi.definitions()));
    }
}
