package dev.kumo.server;

/** The block {@code kumo server --insecure-no-auth} prints on stderr at start, so nobody runs it unawares. */
final class InsecureWarning {

    private InsecureWarning() {
    }

    /** The warning for an API answering at {@code url}. */
    static String text(java.net.URI url) {
        String rule = "*".repeat(78);
        return rule + "\n"
                + "* WARNING: --insecure-no-auth: the API on " + url + " requires NO token and no TLS.\n"
                + "* Any local user, and any program running on this machine, can create Services whose\n"
                + "* commands run as you, and read every Secret. Use it only for a throw-away dev server;\n"
                + "* without the flag the token (DATA_DIR/token) and HTTPS are required, and the kumo CLI\n"
                + "* and 'kumo kubeconfig --merge' pick both up by themselves.\n"
                + rule + "\n";
    }
}
