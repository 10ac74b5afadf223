import java.util.Map;
import kumo.func.HttpRequest;
import kumo.func.HttpResponse;

/** Run from src with: java HandlerTest.java (JDK 22 or later finds the other sources by itself). */
public class HandlerTest {

    public static void main(String[] args) {
        HttpResponse echoed = new Handler().apply(new HttpRequest("POST", "/", "", Map.of(), "hi"));
        check(echoed.status() == 200, "status 200, got " + echoed.status());
        check(echoed.body().equals("hi"), "the body echoed, got " + echoed.body());
        HttpResponse greeted = new Handler().apply(new HttpRequest("GET", "/", "", Map.of(), ""));
        check(greeted.body().equals("Hello, world!\n"), "a greeting, got " + greeted.body());
        System.out.println("HandlerTest: 2 tests passed");
    }

    private static void check(boolean condition, String expected) {
        if (!condition) {
            throw new AssertionError("expected " + expected);
        }
    }
}
