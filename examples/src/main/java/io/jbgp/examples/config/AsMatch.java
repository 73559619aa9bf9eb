package io.jbgp.examples.config;

import io.jbgp.core.types.Asn;

/** {@code AS|source-as|transit-as|peer-as N}: a condition on the AS_PATH (bgpd.conf(5)). */
public record AsMatch(Part part, Asn asn) {

    /** Which part of the AS path is compared. */
    public enum Part {
        /** {@code AS}: any position. */
        ANY("AS"),
        /** {@code source-as}: the rightmost AS, the originator. */
        SOURCE("source-as"),
        /** {@code transit-as}: every AS but the rightmost. */
        TRANSIT("transit-as"),
        /** {@code peer-as}: the leftmost AS, the neighbor's. */
        PEER("peer-as");

        private final String keyword;

        Part(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as written in bgpd.conf. */
        public String keyword() {
            return keyword;
        }
    }
}
