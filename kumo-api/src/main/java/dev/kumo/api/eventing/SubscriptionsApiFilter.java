package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One filter of the CloudEvents Subscriptions API, in exactly one dialect: {@code exact}, {@code prefix},
 * {@code suffix} (attribute → value), {@code all}, {@code any} (nested filters), {@code not} or {@code cesql}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionsApiFilter(
        List<SubscriptionsApiFilter> all,
        List<SubscriptionsApiFilter> any,
        SubscriptionsApiFilter not,
        Map<String, String> exact,
        Map<String, String> prefix,
        Map<String, String> suffix,
        String cesql) {
}
