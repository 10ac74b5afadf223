package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** One source of a projected volume; exactly one of its fields is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeProjection(ConfigMapProjection configMap, DownwardAPIProjection downwardAPI,
        SecretProjection secret, ServiceAccountTokenProjection serviceAccountToken) {

    /** The names of the source fields that are set, in schema order. */
    public List<String> setSources() {
        List<String> set = new ArrayList<>();
        if (secret != null) {
            set.add("secret");
        }
        if (configMap != null) {
            set.add("configMap");
        }
        if (serviceAccountToken != null) {
            set.add("serviceAccountToken");
        }
        if (downwardAPI != null) {
            set.add("downwardAPI");
        }
        return set;
    }
}
