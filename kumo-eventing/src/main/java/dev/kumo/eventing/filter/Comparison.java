package dev.kumo.eventing.filter;

/** How an {@link AttributeMatch} compares an attribute's string form with the filter's value. */
enum Comparison {
    EXACT {
        @Override
        boolean matches(String actual, String expected) {
            return actual.equals(expected);
        }
    },
    PREFIX {
        @Override
        boolean matches(String actual, String expected) {
            return actual.startsWith(expected);
        }
    },
    SUFFIX {
        @Override
        boolean matches(String actual, String expected) {
            return actual.endsWith(expected);
        }
    },
    /** The legacy {@code filter.attributes}: an empty value asks for any non-empty value, else an exact match. */
    ATTRIBUTES {
        @Override
        boolean matches(String actual, String expected) {
            return expected.isEmpty() ? !actual.isEmpty() : actual.equals(expected);
        }
    };

    /** Whether the attribute's value (present) satisfies the filter's value. */
    abstract boolean matches(String actual, String expected);
}
