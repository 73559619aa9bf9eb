#!/usr/bin/env python3
"""Splits the BGP messages of a capture into one hex file per distinct message.

Usage: split-golden.py CAPTURE OUT_DIR ADDR=DESCRIPTION...

Each TCP direction is reassembled in sequence order (retransmissions dropped), cut at BGP
headers, and every distinct message is written as OUT_DIR/<sender>-<kind>[-N].hex: a comment
line naming the sender and what the message is, then the hex, 32 octets a line. Called by
capture-golden.sh; uses only tshark and the standard library.
"""
import os
import subprocess
import sys

MARKER = b"\xff" * 16
TYPES = {1: "open", 2: "update", 3: "notification", 4: "keepalive", 5: "route-refresh"}
AFI = {1: "ipv4", 2: "ipv6"}


def read_streams(capture):
    out = subprocess.run(
        ["tshark", "-r", capture, "-Y", "tcp.len > 0", "-T", "fields",
         "-e", "ip.src", "-e", "tcp.srcport", "-e", "ip.dst", "-e", "tcp.dstport",
         "-e", "tcp.seq_raw", "-e", "tcp.payload"],
        check=True, capture_output=True, text=True).stdout
    streams = {}
    for line in out.splitlines():
        src, sport, dst, dport, seq, payload = line.split("\t")
        key = (src, int(sport), dst, int(dport))
        segs = streams.setdefault(key, {})
        segs.setdefault(int(seq), bytes.fromhex(payload.replace(":", "")))
    result = []
    for key, segs in streams.items():
        data, expected = b"", None
        for seq in sorted(segs):
            seg = segs[seq]
            if expected is not None and seq < expected:
                seg = seg[expected - seq:]  # overlap from a retransmission
            data += seg
            expected = seq + len(segs[seq]) if expected is None else max(expected, seq + len(segs[seq]))
        result.append((key, data))
    return result


def split_messages(data):
    msgs, i = [], 0
    while i + 19 <= len(data):
        if data[i:i + 16] != MARKER:
            raise SystemExit("stream out of sync at offset %d" % i)
        length = int.from_bytes(data[i + 16:i + 18], "big")
        msgs.append(data[i:i + length])
        i += length
    return msgs


def describe_update(m):
    body = m[19:]
    wlen = int.from_bytes(body[0:2], "big")
    alen = int.from_bytes(body[2 + wlen:4 + wlen], "big")
    attrs = body[4 + wlen:4 + wlen + alen]
    nlri = body[4 + wlen + alen:]
    types, mp = [], {}
    j = 0
    while j < len(attrs):
        flags, typ = attrs[j], attrs[j + 1]
        if flags & 0x10:
            alen_ = int.from_bytes(attrs[j + 2:j + 4], "big")
            val = attrs[j + 4:j + 4 + alen_]
            j += 4 + alen_
        else:
            alen_ = attrs[j + 2]
            val = attrs[j + 3:j + 3 + alen_]
            j += 3 + alen_
        types.append(typ)
        if typ in (14, 15):
            mp[typ] = (AFI.get(int.from_bytes(val[0:2], "big"), "afi"), len(val))
    if not wlen and not alen and not nlri:
        return "update-eor-ipv4", "End-of-RIB IPv4 unicast (empty UPDATE, RFC 4724)"
    if 15 in mp and len(types) == 1 and mp[15][1] == 3:
        return "update-eor-" + mp[15][0], "End-of-RIB %s unicast (empty MP_UNREACH_NLRI)" % mp[15][0]
    if wlen and not alen:
        return "update-ipv4-withdraw", "IPv4 unicast withdrawal (classic Withdrawn Routes)"
    if 15 in mp and len(types) == 1:
        return "update-%s-withdraw" % mp[15][0], "%s unicast withdrawal (MP_UNREACH_NLRI)" % mp[15][0]
    names = {1: "ORIGIN", 2: "AS_PATH", 3: "NEXT_HOP", 4: "MED", 5: "LOCAL_PREF", 8: "COMMUNITIES",
             14: "MP_REACH_NLRI", 15: "MP_UNREACH_NLRI", 16: "EXTENDED_COMMUNITIES",
             32: "LARGE_COMMUNITY"}
    attr_names = ", ".join(names.get(t, "type %d" % t) for t in types)
    if 14 in mp:
        return "update-%s-announce" % mp[14][0], "%s unicast announcement: %s" % (mp[14][0], attr_names)
    return "update-ipv4-announce", "IPv4 unicast announcement: %s" % attr_names


def describe(m):
    typ = m[18]
    kind = TYPES.get(typ, "type%d" % typ)
    if typ == 2:
        return describe_update(m)
    if typ == 3:
        code, sub = m[19], m[20]
        if code == 6 and sub in (2, 4) and len(m) > 21:
            text = m[22:22 + m[21]].decode("utf-8", "replace")
            return ("notification-cease-%d" % sub,
                    "NOTIFICATION Cease/%s with shutdown communication \"%s\" (RFC 9003)"
                    % ("Administrative Shutdown" if sub == 2 else "Administrative Reset", text))
        return "notification-%d-%d" % (code, sub), "NOTIFICATION code %d subcode %d" % (code, sub)
    if typ == 5:
        sub = {0: "request", 1: "borr", 2: "eorr"}.get(m[21], "subtype%d" % m[21])
        return ("route-refresh-%s-%s" % (AFI.get(int.from_bytes(m[19:21], "big"), "afi"), sub),
                "ROUTE-REFRESH %s unicast, subtype %s (RFC 2918, RFC 7313)"
                % (AFI.get(int.from_bytes(m[19:21], "big"), "afi"), sub))
    if typ == 1:
        return "open", "OPEN"
    return kind, kind.upper()


def main():
    capture, out_dir = sys.argv[1], sys.argv[2]
    senders = dict(a.split("=", 1) for a in sys.argv[3:])
    seen, counts = set(), {}
    for (src, sport, dst, dport), data in sorted(read_streams(capture)):
        who = senders.get(src, src)
        prefix = who.split()[0].lower()
        for m in split_messages(data):
            if (src, m) in seen:
                continue
            seen.add((src, m))
            kind, text = describe(m)
            n = counts.get((prefix, kind), 0) + 1
            counts[(prefix, kind)] = n
            name = "%s-%s%s.hex" % (prefix, kind, "" if n == 1 else "-%d" % n)
            hexs = m.hex()
            lines = [hexs[k:k + 64] for k in range(0, len(hexs), 64)]
            with open(os.path.join(out_dir, name), "w") as f:
                f.write("# sent by %s (%s) to %s: %s\n" % (who, src, dst, text))
                f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
