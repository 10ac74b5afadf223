package dev.kumo.api.serving.lifecycle;

/** A Configuration is Ready when its latest created Revision is. */
public final class ConfigurationConditions {

    public static final String READY = "Ready";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = ConditionSet.living(READY);

    private ConfigurationConditions() {
    }
}
