package io.pantrade.projection.behaviour;

/**
 * SKUs become field names in the behaviour documents ({@code weights.<sku>}), and MongoDB reads a
 * '.' in a field name as a path and refuses a leading '$': those two, and the escape character
 * itself, are percent-encoded.
 */
final class FieldKeys {

    private FieldKeys() {
    }

    static String encode(String key) {
        if (key.indexOf('%') < 0 && key.indexOf('.') < 0 && key.indexOf('$') < 0) {
            return key;
        }
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String decode(String field) {
        if (field.indexOf('%') < 0) {
            return field;
        }
        return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }
}
