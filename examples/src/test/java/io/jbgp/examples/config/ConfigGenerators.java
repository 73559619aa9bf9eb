package io.jbgp.examples.config;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.LargeCommunity;
import io.jbgp.core.types.Afi;
import io.jbgp.core.types.Asn;
import io.jbgp.core.types.IpPrefix;
import io.jbgp.core.types.RouterId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of configs the parser can produce: unique neighbors, groups and set
 * names, references that resolve, and every neighbor with a remote-as.
 *
 * @param bgpdCompatible leave out what only jbgp accepts (the leak guard), so OpenBGPD's own
 *     parser can be the oracle
 */
record ConfigGenerators(boolean bgpdCompatible) {

    private static final String PRINTABLE =
            " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZabcxyz[\\]^_`{|}~";

    Gen<BgpdConfig> configs() {
        return in -> {
            Set<InetAddress> used = new HashSet<>();
            List<PrefixSetConfig> sets = new ArrayList<>();
            int nSets = integers().between(0, 2).generate(in);
            for (int i = 0; i < nSets; i++) {
                sets.add(new PrefixSetConfig("set" + i, list(in, 1, 3, () -> bool(in)
                        ? PrefixMatch.exact(prefix(in)) : setEntry(in))));
            }
            List<NetworkConfig> networks = list(in, 0, 4, () -> network(in, sets));
            List<GroupConfig> groups = new ArrayList<>();
            int nGroups = integers().between(0, 2).generate(in);
            for (int i = 0; i < nGroups; i++) {
                PeerSettings gs = settings(in, bool(in));
                boolean groupHasAs = gs.remoteAs().isPresent();
                List<NeighborConfig> members = new ArrayList<>();
                for (NeighborConfig n : list(in, 0, 2, () -> neighbor(in, used, !groupHasAs))) {
                    // a member may not redefine the group's password
                    members.add(gs.md5Password().isEmpty() ? n : new NeighborConfig(n.address(),
                            withoutPassword(n.settings())));
                }
                groups.add(new GroupConfig(name(in) + i, gs, members));
            }
            List<NeighborConfig> neighbors = list(in, 0, 2, () -> neighbor(in, used, true));
            List<InetAddress> peers = new ArrayList<>(used);
            peers.sort(java.util.Comparator.comparing(InetAddress::getHostAddress));
            List<FilterRule> filters = list(in, 0, 4, () -> filterRule(in, groups, peers));
            return new BgpdConfig(asn(in),
                    bool(in) ? Optional.of(RouterId.of(integers().all().generate(in)))
                            : Optional.empty(),
                    list(in, 0, 2, () -> new BgpdConfig.ListenConfig(address(in),
                            bool(in) ? 179 : integers().between(1, 65535).generate(in))),
                    bool(in) ? Optional.of("/run/" + name(in) + ".sock") : Optional.empty(),
                    integers().between(3, 65535).generate(in),
                    integers().between(1, 65535).generate(in), bool(in), sets, networks,
                    groups, neighbors, filters);
        };
    }

    private NetworkConfig network(RandomnessSource in, List<PrefixSetConfig> sets) {
        Afi afi = bool(in) ? Afi.IPV4 : Afi.IPV6;
        switch (integers().between(0, 3).generate(in)) {
            case 0:
                return new NetworkConfig.Prefix(prefix(in));
            case 1:
                return new NetworkConfig.Connected(afi, guard(in));
            case 2:
                return new NetworkConfig.Static(afi, guard(in));
            default:
                Optional<PrefixSetConfig> plain = sets.stream().filter(s -> s.entries().stream()
                        .noneMatch(PrefixMatch::hasLengthOperator)).findFirst();
                return plain.isPresent() ? new NetworkConfig.PrefixSet(plain.get().name())
                        : new NetworkConfig.Prefix(prefix(in));
        }
    }

    private LeakGuard guard(RandomnessSource in) {
        if (bgpdCompatible || bool(in)) {
            return LeakGuard.NONE;
        }
        return new LeakGuard(list(in, 0, 2, () -> text(in, 1, 8)),
                list(in, 0, 2, () -> prefix(in)), list(in, 0, 2, () -> prefix(in)));
    }

    private NeighborConfig neighbor(RandomnessSource in, Set<InetAddress> used, boolean needAs) {
        InetAddress a = address(in);
        while (!used.add(a)) {
            a = address(in);
        }
        PeerSettings s = settings(in, needAs);
        return new NeighborConfig(a, s);
    }

    private static PeerSettings withoutPassword(PeerSettings s) {
        return new PeerSettings(s.remoteAs(), s.description(), s.passive(), s.holdTime(),
                s.localV4(), s.localV6(), s.port(), Optional.empty(), s.ttlSecurity(), s.maxPrefix(),
                s.announce());
    }

    private PeerSettings settings(RandomnessSource in, boolean withAs) {
        PeerSettings.Builder b = PeerSettings.builder();
        if (withAs) {
            b.remoteAs(asn(in));
        }
        if (bool(in)) {
            b.description(text(in, 1, 31));
        }
        b.passive(bool(in));
        if (bool(in)) {
            b.holdTime(integers().between(3, 65535).generate(in));
        }
        if (bool(in)) {
            b.localAddress(address(in));
        }
        if (bool(in)) {
            b.port(integers().between(1, 65535).generate(in));
        }
        if (bool(in)) {
            b.md5Password(new Secret(text(in, 1, 79)));
        }
        if (bool(in)) {
            b.ttlSecurity(bool(in));
        }
        if (bool(in)) {
            b.maxPrefix(new MaxPrefix(longs().between(1, 0xFFFF_FFFFL).generate(in),
                    bool(in) ? OptionalInt.of(integers().between(1, 65535).generate(in))
                            : OptionalInt.empty()));
        }
        for (Afi afi : Afi.values()) {
            if (bool(in)) {
                b.announce(afi, bool(in));
            }
        }
        return b.build();
    }

    private FilterRule filterRule(RandomnessSource in, List<GroupConfig> groups,
            List<InetAddress> peers) {
        PeerMatch peer;
        switch (integers().between(0, 4).generate(in)) {
            case 0: peer = new PeerMatch.Any(); break;
            case 1: peer = new PeerMatch.Ebgp(); break;
            case 2: peer = new PeerMatch.Ibgp(); break;
            case 3:
                peer = peers.isEmpty() ? new PeerMatch.Ebgp() : new PeerMatch.Address(
                        peers.get(integers().between(0, peers.size() - 1).generate(in)));
                break;
            default:
                peer = groups.stream().filter(g -> !g.neighbors().isEmpty()).findFirst()
                        .<PeerMatch>map(g -> new PeerMatch.Group(g.name()))
                        .orElse(new PeerMatch.Any());
        }
        return new FilterRule(
                FilterRule.Action.values()[integers().between(0, 2).generate(in)], bool(in),
                bool(in) ? FilterRule.Direction.FROM : FilterRule.Direction.TO, peer,
                bool(in) ? Optional.of(prefixMatch(in)) : Optional.empty(),
                bool(in) ? Optional.of(new AsMatch(
                        AsMatch.Part.values()[integers().between(0, 3).generate(in)], asn(in)))
                        : Optional.empty(),
                bool(in) ? Optional.of(community(in)) : Optional.empty(),
                bool(in) ? Optional.of(new LargeCommunity(u32(in), u32(in), u32(in)))
                        : Optional.empty(),
                setList(in));
    }

    private List<SetAction> setList(RandomnessSource in) {
        List<SetAction> out = new ArrayList<>();
        for (SetAction a : list(in, 0, 4, () -> setAction(in))) {
            String kind = FilterRuleParser.setKind(a);
            if (kind.equals("community") ? !out.contains(a) : out.stream()
                    .noneMatch(o -> FilterRuleParser.setKind(o).equals(kind))) {
                out.add(a);
            }
        }
        return out;
    }

    private SetAction setAction(RandomnessSource in) {
        switch (integers().between(0, 5).generate(in)) {
            case 0: return new SetAction.LocalPref(u32(in));
            case 1: return new SetAction.Med(u32(in));
            case 2: return new SetAction.PrependSelf(integers().between(0, 128).generate(in));
            case 3: return new SetAction.AddCommunity(community(in));
            case 4: return new SetAction.NextHop(address(in));
            default: return new SetAction.NextHopSelf();
        }
    }

    private Community community(RandomnessSource in) {
        if (integers().between(0, 5).generate(in) == 0) {
            List<Community> wk = new ArrayList<>(ValueReader.WELL_KNOWN.values());
            wk.sort(null);
            return wk.get(integers().between(0, wk.size() - 1).generate(in));
        }
        return Community.of(integers().between(0, 65535).generate(in),
                integers().between(0, 65535).generate(in));
    }

    /** A prefix-set entry: bgpd's sets take every length operator but != and &gt;&lt;. */
    private PrefixMatch setEntry(RandomnessSource in) {
        PrefixMatch m = prefixMatch(in);
        return m.op() == PrefixMatch.LengthOp.NE || m.op() == PrefixMatch.LengthOp.EXCEPT_RANGE
                ? PrefixMatch.orLonger(m.prefix()) : m;
    }

    private PrefixMatch prefixMatch(RandomnessSource in) {
        IpPrefix p = prefix(in);
        PrefixMatch.LengthOp op = PrefixMatch.LengthOp.values()[
                integers().between(0, PrefixMatch.LengthOp.values().length - 1).generate(in)];
        if (op == PrefixMatch.LengthOp.EXACT || op == PrefixMatch.LengthOp.OR_LONGER) {
            return new PrefixMatch(p, op, p.length(), p.length());
        }
        if (op == PrefixMatch.LengthOp.LT && p.length() == p.maxLength()) {
            op = PrefixMatch.LengthOp.LE;
        }
        if (op == PrefixMatch.LengthOp.GT && p.length() == p.maxLength()) {
            op = PrefixMatch.LengthOp.GE;
        }
        // lengths at or above the prefix's own (above, for "<"): the only ones that can match
        int min = op == PrefixMatch.LengthOp.LT ? p.length() + 1 : p.length();
        int lo = integers().between(min, op == PrefixMatch.LengthOp.GT ? p.maxLength() - 1
                : p.maxLength()).generate(in);
        int hi = op.isBinary() ? integers().between(lo, p.maxLength()).generate(in) : lo;
        return new PrefixMatch(p, op, lo, hi);
    }

    private IpPrefix prefix(RandomnessSource in) {
        InetAddress a = address(in);
        int max = a.getAddress().length * 8;
        return IpPrefix.of(a, integers().between(0, max).generate(in));
    }

    private InetAddress address(RandomnessSource in) {
        byte[] b = new byte[bool(in) ? 4 : 16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) integers().between(0, 255).generate(in);
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Asn asn(RandomnessSource in) {
        return Asn.of(longs().between(1, 0xFFFF_FFFFL).generate(in));
    }

    private static long u32(RandomnessSource in) {
        return longs().between(0, 0xFFFF_FFFFL).generate(in);
    }

    private String name(RandomnessSource in) {
        if (bgpdCompatible) {
            // bgpd mis-reads an escaped quote in a group name used by a filter rule
            // ("no such group"); plain names keep the oracle about what we print
            return "g" + integers().between(0, 9999).generate(in);
        }
        return text(in, 1, 10);
    }

    private static String text(RandomnessSource in, int min, int max) {
        int n = integers().between(min, max).generate(in);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(PRINTABLE.charAt(integers().between(0, PRINTABLE.length() - 1).generate(in)));
        }
        // the few backslash placements bgpd.conf cannot express never come out of the parser
        String s = sb.toString();
        return BgpdConfigWriter.isQuotable(s) ? s : s.replace("\\", "/");
    }

    private static boolean bool(RandomnessSource in) {
        return booleans().all().generate(in);
    }

    private static <T> List<T> list(RandomnessSource in, int min, int max,
            java.util.function.Supplier<T> item) {
        int n = integers().between(min, max).generate(in);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }
}
