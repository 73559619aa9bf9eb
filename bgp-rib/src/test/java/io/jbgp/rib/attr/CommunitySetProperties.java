package io.jbgp.rib.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.jbgp.core.attr.Community;
import io.jbgp.core.attr.ExtendedCommunity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link CommunitySet#of} against a sorted-set reference: members in ascending unsigned order,
 * each once, whatever the input order and repeats (values drawn from a small range, so repeats
 * are common, and from the full range, so the sign bit is exercised).
 */
class CommunitySetProperties {

    @Test
    void membersAreSortedUnsignedAndDistinct() {
        qt().withFixedSeed(1997).forAll(
                        lists().of(integers().between(-4, 4)).ofSizeBetween(0, 12),
                        lists().of(integers().all()).ofSizeBetween(0, 6),
                        lists().of(longs().between(-3, 3)).ofSizeBetween(0, 8),
                        lists().of(longs().all()).ofSizeBetween(0, 4))
                .checkAssert((smallStd, anyStd, smallExt, anyExt) -> {
                    List<Integer> std = new ArrayList<>(smallStd);
                    std.addAll(anyStd);
                    std.addAll(anyStd); // repeats of large values too
                    List<Long> ext = new ArrayList<>(smallExt);
                    ext.addAll(anyExt);
                    ext.addAll(anyExt);
                    CommunitySet set = CommunitySet.of(std.stream().map(Community::new).toList(),
                            ext.stream().map(ExtendedCommunity::of).toList(), List.of());
                    TreeSet<Integer> stdRef = new TreeSet<>(Integer::compareUnsigned);
                    stdRef.addAll(std);
                    TreeSet<Long> extRef = new TreeSet<>(Long::compareUnsigned);
                    extRef.addAll(ext);
                    assertEquals(List.copyOf(stdRef), set.standard().stream().map(Community::value).toList());
                    assertEquals(List.copyOf(extRef), set.extended().stream().map(ExtendedCommunity::toLong).toList());
                    assertEquals(std.isEmpty() && ext.isEmpty(), set.isEmpty());
                });
    }
}
