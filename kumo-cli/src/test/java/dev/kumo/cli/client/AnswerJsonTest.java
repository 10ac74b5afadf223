package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"i\":2147483647,\"j\":2147483648,\"k\":-2147483648,\"l\":-2147483649,\"m\":9223372036854775807}",
        "{\"n\":9223372036854775808,\"o\":-0,\"p\":-0.0,\"q\":0.5e-3,\"r\":1E+2,\"s\":0}",
        "{\"emoji\":\"\\ud83d\\ude00\",\"esc\":\"\\/\\b\\f\\n\\r\\t\",\"raw\":\"é€\"}",
        " \t\r\n{ \"a\" : [ ] , \"b\" : { } , \"c\":[{\"d\":[[]]}] } "})
    void numbersStringsAndWhiteSpaceReadAsObjectMapperReadsThem(String text) throws Exception {
        assertThat(AnswerJson.parseObject(text)).isEqualTo(Json.mapper().readTree(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":\"\u0001\"}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{a:1}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\" 1}",
        "{\"a\":\"open}", "{\"a\":\"\\u+041\"}", "{\"a\":\"\\u-041\"}"})
    void whatObjectMapperRefusesIsRefusedNamingTheOffset(String text) {
        assertThatThrownBy(() -> Json.mapper().readTree(text)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> AnswerJson.parseObject(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
    }

    /** Jackson's limits kept: a hostile or broken answer is refused, not a stack overflow or minutes of CPU. */
    @Test
    void nestingAndNumbersBeyondJacksonsLimitsAreRefused() {
        String deep = "{\"items\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        String fits = "{\"items\":" + "[".repeat(255) + "]".repeat(255) + "}";
        String long1001 = "{\"a\":1" + "0".repeat(1000) + "}";

        assertThatThrownBy(() -> AnswerJson.parseObject(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 levels of nesting");
        assertThat(AnswerJson.parseObject(fits).path("items").isArray()).isTrue();
        assertThatThrownBy(() -> AnswerJson.parseObject(long1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1000 characters");
        assertThatThrownBy(() -> Json.mapper().readTree(long1001)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("{\"a\":\"\\u\u0661\u0662\u0663\u0664\"}"))
                .as("\\u takes ASCII hex digits only").hasMessageContaining("four hex digits");
    }

    @Test
    void anythingButAnObjectIsRefused() {
        assertThatThrownBy(() -> AnswerJson.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("<html>")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> AnswerJson.parseObject("{\"a\":")).isInstanceOf(RuntimeException.class);
    }
}
