package dev.kumo.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** This machine's host name and interface addresses, for the certificate of a server bound to every interface. */
final class MachineNames {

    private MachineNames() {
    }

    /** The names in {@link CertificateNames#entry} form; link-local addresses are left out (they need a scope). */
    static Set<String> find() {
        Set<String> names = new LinkedHashSet<>();
        try {
            String hostName = InetAddress.getLocalHost().getHostName();
            if (!CertificateNames.isIpLiteral(hostName) && hostName.matches("[A-Za-z0-9.-]+")) {
                names.add(CertificateNames.entry(hostName));
            }
        } catch (UnknownHostException e) {
            // No resolvable host name: the addresses still go in.
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                nic.inetAddresses().filter(a -> !a.isLinkLocalAddress())
                        .map(a -> a.getHostAddress().replaceFirst("%.*$", ""))
                        .forEach(a -> names.add(CertificateNames.entry(a)));
            }
        } catch (SocketException e) {
            // Without the interface list the certificate names the loopback addresses and the host name only.
        }
        return names;
    }
}
