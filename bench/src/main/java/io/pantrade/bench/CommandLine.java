package io.pantrade.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} or {@code --name=value} options over a scenario's defaults; an unknown name is refused. */
final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException with a message for the user */
    static CommandLine parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            values.put(name, value);
        }
        return new CommandLine(values);
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    int positive(String name) {
        int value = integer(name);
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }
}
