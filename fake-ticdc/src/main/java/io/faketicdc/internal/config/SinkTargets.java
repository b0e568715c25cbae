package io.faketicdc.internal.config;

import io.faketicdc.internal.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The downstream a sink opens when it is validated, and the error the real server answers when it
 * cannot: MySQL/TiDB dials its host (port 4000 when omitted; pingcap/tiflow
 * pkg/sink/mysql/db_helper.go), Kafka its brokers (pingcap/tiflow pkg/sink/kafka/sarama_factory.go),
 * Pulsar its brokers (pingcap/tiflow cdc/sink/dmlsink/mq/pulsar_dml_sink.go), cloud storage its
 * {@code endpoint} or bucket (pingcap/tiflow pkg/util/external_storage.go); {@code file},
 * {@code noop} and {@code blackhole} reach no host.
 *
 * @param scheme  the lower-case scheme
 * @param kind    its family
 * @param targets the hosts it dials (several brokers: the sink fails only when none answers)
 */
public record SinkTargets(String scheme, SinkScheme kind, List<Target> targets) {

    /** One host a sink dials; {@code port} -1 when the URI names none and the client has no default. */
    public record Target(String host, int port) {
        /** {@code host:port} as Go prints a dial address (IPv6 bracketed); the host alone without a port. */
        public String display() {
            String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port < 0 ? h : h + ":" + port;
        }
    }

    private static final List<String> CLOUD = List.of("s3", "gcs", "gs", "azblob", "azure");

    public static SinkTargets of(GoUrl uri) {
        String scheme = uri.scheme().toLowerCase(Locale.ROOT);
        SinkScheme kind = SinkScheme.of(scheme);
        List<Target> targets = new ArrayList<>();
        if (kind == SinkScheme.MYSQL || kind == SinkScheme.MQ) {
            for (String hp : uri.host().split(",")) {
                if (!hp.isEmpty()) targets.add(target(hp, defaultPort(scheme)));
            }
        } else if (kind == SinkScheme.STORAGE && CLOUD.contains(scheme)) {
            String endpoint = uri.queryFirst("endpoint");
            if (endpoint != null && !endpoint.isEmpty()) {
                try {
                    GoUrl e = GoUrl.parse(endpoint.contains("://") ? endpoint : "https://" + endpoint);
                    targets.add(target(e.host(), e.scheme().equalsIgnoreCase("http") ? 80 : 443));
                } catch (GoUrl.UrlException ignored) {
                    // the real objstore fails on it later; the fake only reaches no host
                }
            } else if (!uri.host().isEmpty()) {
                targets.add(new Target(uri.host().toLowerCase(Locale.ROOT), -1));
            }
        }
        return new SinkTargets(scheme, kind, List.copyOf(targets));
    }

    /** The port a sink client dials when the URI names none; -1 when it has no default (Kafka). */
    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "mysql", "mysql+ssl", "tidb", "tidb+ssl" -> 4000;
            case "pulsar" -> 6650;
            case "pulsar+ssl" -> 6651;
            case "pulsar+http" -> 8080;
            case "pulsar+https" -> 8443;
            default -> -1;
        };
    }

    private static Target target(String hostPort, int defaultPort) {
        String host = hostPort;
        int port = defaultPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && (hostPort.startsWith("[") ? hostPort.lastIndexOf(']') < colon : hostPort.indexOf(':') == colon)) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = defaultPort;
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return new Target(host.toLowerCase(Locale.ROOT), port);
    }

    /** Go's dial error for a refused connection to the target. */
    public static String refused(Target t) {
        return t.port() < 0 ? "dial tcp: address " + t.display() + ": missing port in address"
                : "dial tcp " + t.display() + ": connect: connection refused";
    }

    /**
     * The error a create answers when this sink cannot be opened, {@code cause} being the dial
     * error of its (first) target: MySQL 400 ErrMySQLConnectionError (pingcap/tiflow
     * pkg/sink/mysql/db_helper.go), Kafka 500 ErrKafkaNewProducer wrapping sarama's
     * out-of-brokers error, Pulsar 500 ErrPulsarNewProducer wrapped twice around the client's
     * {@code connection error}, cloud storage 500 ErrFailToCreateExternalStorage (with Go's
     * {@code %!(EXTRA ...)} from a template without a verb).
     */
    public ApiError failure(String cause) {
        if (kind == SinkScheme.MYSQL) return ApiError.of("CDC:ErrMySQLConnectionError", "fail to open MySQL connection: " + cause);
        if (SinkScheme.isKafka(scheme)) {
            return ApiError.of("CDC:ErrKafkaNewProducer",
                    "new kafka producer: kafka: client has run out of available brokers to talk to: " + cause);
        }
        if (kind == SinkScheme.MQ) {
            return ApiError.of("CDC:ErrPulsarNewProducer",
                    "new pulsar producer: [CDC:ErrPulsarNewProducer]new pulsar producer: connection error");
        }
        return ApiError.of("DFLOW:ErrFailToCreateExternalStorage",
                "failed to create external storage%!(EXTRA string=creating ExternalStorage for s3): " + cause);
    }

    /**
     * The same on the new architecture (pingcap/ticdc api/v2/changefeed.go), or null when it opens
     * nothing that can fail: a MySQL/TiDB sink fails first in check.IsSameUpstreamDownstream, its
     * connection error unwrapped (pingcap/ticdc pkg/check/cluster.go, pkg/sink/mysql/helper.go);
     * the others in sink.Verify, wrapped as 400 ErrSinkURIInvalid around the masked URI: Kafka's
     * ErrNewKafkaSink around sarama's out-of-brokers error (pingcap/ticdc
     * pkg/sink/kafka/sarama_factory.go), storage's ErrExternalStorageAPI, whose code is
     * {@code CDC:ErrS3StorageAPI} (pingcap/ticdc pkg/util/external_storage.go); Pulsar's client
     * connects lazily, so Verify opens no connection (pingcap/ticdc
     * downstreamadapter/sink/pulsar/helper.go, pkg/sink/pulsar/factory.go).
     */
    public ApiError newArchFailure(String cause, String sinkUri) {
        if (kind == SinkScheme.MYSQL) return failure(cause);
        String inner;
        if (SinkScheme.isKafka(scheme)) {
            inner = "[CDC:ErrNewKafkaSink]new kafka sink: kafka: client has run out of available brokers to talk to: " + cause;
        } else if (kind == SinkScheme.MQ) {
            return null;
        } else {
            inner = "[CDC:ErrS3StorageAPI]external storage api: " + cause;
        }
        return ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid '" + SinkUris.maskForError(sinkUri) + "': " + inner);
    }
}
