package dev.kumo.cli.aot;

/** What the training's stand-ins answer: {@code /version}, a kn Table for any list asked as one, else NotFound. */
final class TrainingAnswers {

    private static final String TABLE = """
            {"kind":"Table","apiVersion":"meta.k8s.io/v1","columnDefinitions":[{"name":"Name","type":"string"},\
            {"name":"URL","type":"string"},{"name":"Age","type":"date"},{"name":"Ready","type":"string"}],\
            "rows":[{"cells":["hello","http://hello.default.localhost","2026-01-01T00:00:00Z","True"],\
            "object":{"kind":"PartialObjectMetadata","metadata":{"name":"hello","namespace":"default"}}}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,\
            "message":"services.serving.knative.dev \\"absent\\" not found"}""";

    private TrainingAnswers() {
    }

    /** The answer to a request for {@code path} with this {@code Accept} header (null when absent). */
    static TrainingSocket.Answer answer(String path, String accept) {
        boolean table = accept != null && accept.contains("as=Table") && !path.contains("/absent");
        return path.equals("/version") ? new TrainingSocket.Answer(200, "{\"gitVersion\":\"training\"}")
                : table ? new TrainingSocket.Answer(200, TABLE) : new TrainingSocket.Answer(404, NOT_FOUND);
    }
}
