package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strategic merge patches as kubectl sends them: keyed lists merge by key, directives apply and are not stored. */
class StrategicMergePatchTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // kubectl apply of a changed env value: the container keeps its command, the other variable stays.
        "{'containers':[{'name':'web','command':['python3'],'env':[{'name':'A','value':'1'},{'name':'T','value':'one'}]}]}"
                + " | {'$setElementOrder/containers':[{'name':'web'}],'containers':[{'name':'web','env':[{'name':'T','value':'two'}]}]}"
                + " | {'containers':[{'name':'web','command':['python3'],'env':[{'name':'A','value':'1'},{'name':'T','value':'two'}]}]}",
        // an element deleted by key, another added, ordered as $setElementOrder says
        "{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}"
                + " | {'$setElementOrder/env':[{'name':'C'},{'name':'B'}],'env':[{'name':'C','value':'3'},{'$patch':'delete','name':'A'}]}"
                + " | {'env':[{'name':'C','value':'3'},{'name':'B','value':'2'}]}",
        // ports by containerPort; a list without a merge key is replaced
        "{'ports':[{'containerPort':8080,'name':'http'}],'args':['a','b']}"
                + " | {'ports':[{'containerPort':8080,'protocol':'TCP'}],'args':['c']}"
                + " | {'ports':[{'containerPort':8080,'name':'http','protocol':'TCP'}],'args':['c']}",
        // $patch: replace on an object, null removes, $retainKeys keeps only the listed fields
        "{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},'x':1}"
                + " | {'strategy':{'$retainKeys':['type'],'type':'Recreate'},'x':null}"
                + " | {'strategy':{'type':'Recreate'}}",
        "{'a':{'b':1,'c':2}} | {'a':{'$patch':'replace','d':3}} | {'a':{'d':3}}",
        "{'finalizers':['a','b','c']} | {'$deleteFromPrimitiveList/finalizers':['b']} | {'finalizers':['a','c']}",
    })
    void appliesAsKubernetesDoes(String target, String patch, String expected) throws Exception {
        var result = StrategicMergePatch.apply(json(target), json(patch));
        assertThat(result).isEqualTo(json(expected));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }
}
