package dev.kumo.build.func;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseContentsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "os.py, true",
        "encodings/utf_8.py, true",
        "lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so, true",
        "http/server.py, true",
        "json/__pycache__/decoder.cpython-311.pyc, true",
        "test/test_os.py, false",
        "site-packages/requests/api.py, false",
        "dist-packages/x.py, false",
        "config-3.11-x86_64-linux-gnu/libpython3.11.a, false",
        "idlelib/idle_test/test_config.py, false",
        "tkinter/__init__.py, false",
        "ensurepip/_bundled/pip.whl, false",
        "ctypes/tests/test_x.py, false",
    })
    void keepsTheStandardLibraryAFunctionServerLoadsAndLeavesOutTestsToolsAndThirdPartyPackages(String path,
            boolean kept) {
        assertThat(BaseContents.keeps(Path.of(path))).isEqualTo(kept);
    }
}
