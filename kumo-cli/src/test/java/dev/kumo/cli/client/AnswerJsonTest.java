package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

    @Test
    void theTreeIsTheOneObjectMapperReads() throws Exception {
        String text = """
                {"kind":"Table","n":1,"long":12345678901,"big":123456789012345678901234567890,"d":1.5,"e":-2e3,
                 "t":true,"f":false,"z":null,"s":"caf\\u00e9 \\"q\\"","a":[1,"x",[],{}],"o":{"k":{"deep":[null]}},
                 "dup":1,"dup":2}""";

        assertThat(AnswerJson.parseObject(text)).isEqualTo(Json.mapper().readTree(text));
        assertThat(AnswerJson.parseObject(text).path("big").isBigInteger()).isTrue();
        assertThat(AnswerJson.parseObject(text).path("dup").asInt()).isEqualTo(2);
    }

    @Test
    void anythingButAnObjectIsRefused() {
        assertThatThrownBy(() -> AnswerJson.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("<html>")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("{\"a\":")).isInstanceOf(RuntimeException.class);
    }
}
