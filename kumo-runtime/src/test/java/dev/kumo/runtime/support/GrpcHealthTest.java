package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health protocol's bytes and how each answer reads as a probe result, in the kubelet's words. */
class GrpcHealthTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theRequestIsOneUncompressedMessageHoldingTheServiceName() {
        assertThat(HEX.formatHex(GrpcHealth.request(""))).isEqualTo("0000000000");
        // field 1 (0x0a), length 7, "greeter"
        assertThat(HEX.formatHex(GrpcHealth.request("greeter"))).isEqualTo("0000000009" + "0a07" + "67726565746572");
        String longName = "s".repeat(200); // a two-byte varint length: 200 = 0xc8 0x01
        assertThat(HEX.formatHex(GrpcHealth.request(longName))).startsWith("00000000cb0ac801");
    }

    @Test
    void theStatusIsReadFromFieldOneSkippingFieldsItDoesNotKnow() {
        assertThat(GrpcHealth.status(HEX.parseHex("00000000020801"))).isEqualTo(GrpcHealth.ServingStatus.SERVING);
        assertThat(GrpcHealth.status(HEX.parseHex("00000000020802")))
                .isEqualTo(GrpcHealth.ServingStatus.NOT_SERVING);
        assertThat(GrpcHealth.status(HEX.parseHex("0000000000"))).isEqualTo(GrpcHealth.ServingStatus.UNKNOWN);
        // an unknown string field 2 ("ab") before the status
        assertThat(GrpcHealth.status(HEX.parseHex("0000000006120261620801")))
                .isEqualTo(GrpcHealth.ServingStatus.SERVING);
        assertThat(GrpcHealth.status(HEX.parseHex("00000000020863"))).isEqualTo(GrpcHealth.ServingStatus.UNKNOWN);
    }

    @Test
    void malformedAnswersAreRefusedSayingHow() {
        assertThatThrownBy(() -> GrpcHealth.status(HEX.parseHex("0000"))).hasMessageContaining("5-byte header");
        assertThatThrownBy(() -> GrpcHealth.status(HEX.parseHex("01000000020801"))).hasMessageContaining("compressed");
        assertThatThrownBy(() -> GrpcHealth.status(HEX.parseHex("00000000050801"))).hasMessageContaining("says 5");
        assertThatThrownBy(() -> GrpcHealth.status(HEX.parseHex("000000000108"))).hasMessageContaining("varint");
    }

    @Test
    void servingPassesAndEveryOtherAnswerFailsNamingTheStatusOrTheError() {
        assertThat(GrpcHealth.result(ok("00000000020801"), 1000)).isEmpty();
        assertThat(GrpcHealth.result(ok("00000000020802"), 1000))
                .contains("service unhealthy (responded with \"NOT_SERVING\")");
        assertThat(GrpcHealth.result(ok("00000000020803"), 1000))
                .contains("service unhealthy (responded with \"SERVICE_UNKNOWN\")");
        assertThat(GrpcHealth.result(ok("0000000000"), 1000))
                .contains("service unhealthy (responded with \"UNKNOWN\")");
        assertThat(GrpcHealth.result(error("5", "unknown service greeter"), 1000))
                .contains("error: health rpc probe failed: rpc error: code = NotFound desc = unknown service greeter");
        assertThat(GrpcHealth.result(error("12", "Method not found: grpc.health.v1.Health/Check"), 1000))
                .contains("this server does not implement the grpc health protocol (grpc.health.v1.Health): "
                        + "Method not found: grpc.health.v1.Health/Check");
        assertThat(GrpcHealth.result(error("4", "deadline"), 250))
                .contains("timeout: health rpc did not complete within 250ms");
        assertThat(GrpcHealth.result(error("14", "shutting%20down: 100%25"), 1000))
                .contains("error: health rpc probe failed: rpc error: code = Unavailable desc = shutting down: 100%");
        assertThat(GrpcHealth.result(new GrpcHealth.Answer(404, Optional.empty(), Optional.empty(), new byte[0]),
                1000)).contains("error: health rpc probe failed: HTTP status 404 (not a gRPC server?)");
        assertThat(GrpcHealth.result(new GrpcHealth.Answer(200, Optional.empty(), Optional.empty(), new byte[0]),
                1000)).get().asString().contains("no grpc-status");
        assertThat(GrpcHealth.result(ok("0000"), 1000)).get().asString()
                .startsWith("error: health rpc probe failed: a gRPC message needs a 5-byte header");
    }

    @Test
    void grpcMessageIsPercentDecodedUtf8WithPlusKept() {
        assertThat(GrpcHealth.percentDecoded("a+b%20%C3%A9%zz")).isEqualTo("a+b é%zz");
    }

    private static GrpcHealth.Answer ok(String hex) {
        return new GrpcHealth.Answer(200, Optional.of("0"), Optional.empty(), HEX.parseHex(hex));
    }

    private static GrpcHealth.Answer error(String code, String message) {
        return new GrpcHealth.Answer(200, Optional.of(code), Optional.of(message), new byte[0]);
    }
}
