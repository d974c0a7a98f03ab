package io.pantrade.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/** What every closed-loop scenario takes: the server, the transport, the workers, the warm-up, the limits. */
record LoadSettings(String base, String host, int port, String transport, int clients, int warmup, long maxSeconds,
                    String label, int progressSeconds) {

    /** The options every scenario takes, with their defaults, plus the scenario's own. */
    static Map<String, String> defaultsWith(Map<String, String> scenarioDefaults) {
        Map<String, String> defaults = new HashMap<>(Map.of(
                "url", "http://127.0.0.1:8080", "clients", "16", "warmup", "5000", "transport", "socket",
                "max-seconds", "600", "label", "", "progress-seconds", "10"));
        defaults.putAll(scenarioDefaults);
        return defaults;
    }

    static LoadSettings from(CommandLine line) {
        URI uri = URI.create(line.text("url"));
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://HOST:PORT");
        }
        requireLoopback(uri.getHost());
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String transport = line.text("transport");
        if (!transport.equals("socket") && !transport.equals("http")) {
            throw new IllegalArgumentException("--transport is socket or http");
        }
        return new LoadSettings("http://" + uri.getHost() + ":" + port, uri.getHost(), port, transport,
                line.positive("clients"), line.integer("warmup"), line.positive("max-seconds"), line.text("label"),
                line.integer("progress-seconds"));
    }

    /** A load test here targets this machine only. */
    private static void requireLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing to load " + host + ": only loopback addresses");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
    }

    HttpTransport newTransport() {
        return transport.equals("socket") ? new SocketTransport(host, port) : new JdkHttpTransport(base);
    }
}
