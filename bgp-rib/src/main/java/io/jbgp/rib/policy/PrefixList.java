package io.jbgp.rib.policy;

import io.jbgp.core.types.IpPrefix;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A list of prefix patterns, each a prefix with an allowed length range (OpenBGPD
 * {@code prefix 203.0.113.0/24 or-longer}, {@code prefixlen 25 - 28}; Cisco {@code ge}/{@code le}).
 * A prefix matches the list when it matches any entry.
 */
public final class PrefixList {

    /**
     * One pattern: prefixes inside {@code prefix} whose length is within {@code ge..le}.
     *
     * @param prefix the covering prefix
     * @param ge     the shortest length allowed (at least the prefix's own length)
     * @param le     the longest length allowed
     */
    public record Entry(IpPrefix prefix, int ge, int le) {
        /**
         * Checks that {@code ge..le} is a non-empty range within the family, starting at or after
         * the prefix length.
         *
         * @param prefix the covering prefix
         * @param ge the shortest length allowed (at least the prefix's own length)
         * @param le the longest length allowed
         */
        public Entry {
            Objects.requireNonNull(prefix, "prefix");
            if (ge < prefix.length() || le < ge || le > prefix.maxLength()) {
                throw new IllegalArgumentException("bad length range " + ge + ".." + le + " for " + prefix);
            }
        }

        /**
         * Exactly this prefix.
         *
         * @param p the prefix
         * @return the entry
         */
        public static Entry exact(IpPrefix p) {
            return new Entry(p, p.length(), p.length());
        }

        /**
         * This prefix and every more specific one.
         *
         * @param p the covering prefix
         * @return the entry
         */
        public static Entry orLonger(IpPrefix p) {
            return new Entry(p, p.length(), p.maxLength());
        }

        /**
         * Prefixes inside {@code p} with a length in {@code ge..le}.
         *
         * @param p the covering prefix
         * @param ge the shortest length, at least {@code p}'s own
         * @param le the longest length, at most 32 or 128
         * @return the entry
         * @throws IllegalArgumentException if the range is empty or outside the family
         */
        public static Entry range(IpPrefix p, int ge, int le) {
            return new Entry(p, ge, le);
        }

        /**
         * Parses {@code "203.0.113.0/24"}, {@code "203.0.113.0/24 or-longer"},
         * {@code "203.0.113.0/24 ge 25"}, {@code "203.0.113.0/24 le 28"} or both ge and le.
         *
         * @param text the entry text
         * @return the entry
         * @throws IllegalArgumentException if the text does not parse
         */
        public static Entry parse(String text) {
            String[] t = text.trim().split("\\s+");
            IpPrefix p = IpPrefix.parse(t[0]);
            Integer ge = null;
            Integer le = null;
            for (int i = 1; i < t.length; i++) {
                switch (t[i]) {
                    case "or-longer" -> le = p.maxLength();
                    case "ge" -> ge = Integer.parseInt(t[++i]);
                    case "le" -> le = Integer.parseInt(t[++i]);
                    default -> throw new IllegalArgumentException("bad prefix list entry: " + text);
                }
            }
            // Cisco semantics: "ge" alone opens the range up to the longest length
            int lo = ge != null ? ge : p.length();
            int hi = le != null ? le : ge != null ? p.maxLength() : p.length();
            return new Entry(p, lo, hi);
        }

        /**
         * Whether {@code candidate} matches this pattern.
         *
         * @param candidate a prefix of either family
         * @return true when it lies inside {@code prefix} with a length in {@code ge..le}
         */
        public boolean matches(IpPrefix candidate) {
            return prefix.contains(candidate) && candidate.length() >= ge && candidate.length() <= le;
        }
    }

    private final List<Entry> entries;

    private PrefixList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param entries the patterns
     * @return the list
     */
    public static PrefixList of(Entry... entries) {
        return new PrefixList(Arrays.asList(entries));
    }

    /**
     * @param entries the patterns (copied)
     * @return the list
     */
    public static PrefixList of(List<Entry> entries) {
        return new PrefixList(entries);
    }

    /**
     * Parses one entry per string, see {@link Entry#parse}.
     *
     * @param entries entries in the {@link Entry#parse} syntax
     * @return the list
     * @throws IllegalArgumentException if an entry does not parse
     */
    public static PrefixList parse(String... entries) {
        return new PrefixList(Arrays.stream(entries).map(Entry::parse).toList());
    }

    /** {@return the entries, in order} */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Whether any entry matches.
     *
     * @param p a prefix
     * @return true when at least one entry matches {@code p}
     */
    public boolean matches(IpPrefix p) {
        for (Entry e : entries) {
            if (e.matches(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
