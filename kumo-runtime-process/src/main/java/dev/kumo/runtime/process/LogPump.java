package dev.kumo.runtime.process;

import dev.kumo.runtime.support.RotatingLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Copies a process's merged stdout and stderr into its log, line by line; very long lines are split. */
final class LogPump implements Runnable {

    static final int MAX_LINE_BYTES = 16 * 1024;

    private final InputStream in;
    private final RotatingLog log;

    LogPump(InputStream in, RotatingLog log) {
        this.in = in;
        this.log = log;
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line);
                    } else {
                        line.write(b);
                        if (line.size() >= MAX_LINE_BYTES) {
                            emit(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone and its pipe closed under us: what was read is kept below.
        }
        if (line.size() > 0) {
            emit(line);
        }
    }

    private void emit(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        log.append(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        line.reset();
    }
}
