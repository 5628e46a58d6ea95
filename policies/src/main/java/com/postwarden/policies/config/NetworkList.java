package com.postwarden.policies.config;

import java.net.InetAddress;
import java.util.List;

/** An ordered set of networks; an address is inside when any network contains it. */
public record NetworkList(List<NetworkRange> ranges) {
    public NetworkList {
        ranges = List.copyOf(ranges);
    }


    public boolean contains(InetAddress address) {
        for (NetworkRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
