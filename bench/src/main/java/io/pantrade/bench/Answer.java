package io.pantrade.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's outcome as the load scenarios count it: the status, with the problem type after a 4xx
 * or 5xx ({@code "409 payment.authorization-pending"}), or the client-side failure's class name.
 */
record Answer(String status, String body) {

    private static final Pattern PROBLEM = Pattern.compile("\"type\"\\s*:\\s*\"urn:pantrade:problem:([^\"]+)\"");

    static Answer of(HttpTransport.Response response) {
        String status = Integer.toString(response.status());
        if (response.status() >= 400) {
            Matcher problem = PROBLEM.matcher(response.body());
            if (problem.find()) {
                status += " " + problem.group(1);
            }
        }
        return new Answer(status, response.body());
    }

    static Answer failed(Exception e) {
        return new Answer(e.getClass().getSimpleName(), "");
    }

    /** A string field of the JSON body, or null. */
    String field(String name) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return value.find() ? value.group(1) : null;
    }
}
