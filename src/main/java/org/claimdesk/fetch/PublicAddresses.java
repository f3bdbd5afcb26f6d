package org.claimdesk.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which IP addresses a server-side fetch may connect to, against server-side request forgery:
 * only public unicast addresses. Refused: loopback, any-local ("this host"), link-local (which
 * includes cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16, IPv6
 * fc00::/7 and the old fec0::/10), multicast, shared carrier-grade NAT space (100.64/10),
 * 0/8, 192.0.0/24, benchmarking (198.18/15), reserved and broadcast (240/4), and IPv6 addresses
 * that embed such an IPv4 address (IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 * IPv4-mapped IPv6 addresses arrive as {@link Inet4Address} and are checked as IPv4.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** True when the address is a public unicast address that may be fetched from. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes, 0);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false;
            }
            if (allZero(bytes, 0, 12)) {
                return isPublicIpv4(bytes, 12);
            }
            boolean nat64 = first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                    && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12);
            if (nat64) {
                return isPublicIpv4(bytes, 12);
            }
            if (first == 0x20 && (bytes[1] & 0xff) == 0x02) {
                return isPublicIpv4(bytes, 2);
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        int c = bytes[offset + 2] & 0xff;
        boolean refused = a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 169 && b == 254)
                || (a == 172 && (b & 0xf0) == 16)
                || (a == 192 && b == 168)
                || (a == 100 && (b & 0xc0) == 64)
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b & 0xfe) == 18);
        return !refused;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
