package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Service's desired state: the Revision template (as in a Configuration) and the traffic (as in a Route). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(RevisionTemplateSpec template, List<TrafficTarget> traffic) {

    public ServiceSpec withTemplate(RevisionTemplateSpec value) {
        return new ServiceSpec(value, traffic);
    }

    public ServiceSpec withTraffic(List<TrafficTarget> value) {
        return new ServiceSpec(template, value);
    }

    public List<TrafficTarget> trafficOrEmpty() {
        return traffic == null ? List.of() : traffic;
    }
}
