import java.util.Map;
import kumo.func.CloudEvent;

/** Run from src with: java HandlerTest.java (JDK 22 or later finds the other sources by itself). */
public class HandlerTest {

    public static void main(String[] args) {
        CloudEvent reply = new Handler().apply(new CloudEvent("1", "/test", "dev.example.ping", "application/json", "",
                "{\"message\":\"hi\"}", Map.of()));
        check(reply.type().equals("dev.kumo.func.response"), "a response event, got " + reply.type());
        check(reply.data().equals("{\"message\":\"hi\"}"), "the data carried, got " + reply.data());
        System.out.println("HandlerTest: 1 test passed");
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new AssertionError("expected " + expected);
        }
    }
}
