package dev.kumo.cli.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import java.net.URI;

/**
 * What behavioural CLI tests need from an API server: where it is, and a way to put objects (with status) in
 * place. {@link FakeApiServer} implements it in memory; the real server can implement it by base URL (seeding
 * through apply and the {@code /status} subresource), so that the same tests run against both.
 */
public interface ApiServerUnderTest extends AutoCloseable {

    URI baseUrl();

    /** Stores an object as if it had been created and reconciled (status included). */
    void seed(ResourceType type, ObjectNode object);

    @Override
    void close();
}
