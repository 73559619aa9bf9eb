/**
 * DOC: JMH benchmarks and the memory harness of jbgp, over real BGP data from the shared data
 * folder (RFC 6396 MRT files; see {@link io.jbgp.benchmarks.SharedData}).
 *
 * <p>What is measured, and against which target, is in {@code benchmarks/README.md} with the
 * commands and the figures:
 * <ul>
 *   <li>{@link io.jbgp.benchmarks.UpdateDecodeBenchmark} and
 *       {@link io.jbgp.benchmarks.UpdateEncodeBenchmark}: the UPDATE codec over a recorded full
 *       table ({@link io.jbgp.benchmarks.FullTable});
 *   <li>{@link io.jbgp.benchmarks.DecisionBenchmark}: ranking real candidate sets of a RouteViews
 *       RIB dump ({@link io.jbgp.benchmarks.RibDump});
 *   <li>{@link io.jbgp.benchmarks.LocRibChurnBenchmark} and
 *       {@link io.jbgp.benchmarks.RibChurnBenchmark}: announce, withdraw and attribute-change
 *       churn on a full table from 4 or 16 {@link io.jbgp.benchmarks.SyntheticNeighbors}, in the
 *       Loc-RIB alone and through the whole RIB facade;
 *   <li>{@link io.jbgp.benchmarks.InternerBenchmark}: attribute interning at the Adj-RIB-In
 *       boundary;
 *   <li>{@link io.jbgp.benchmarks.PrefixLookupBenchmark}: an experiment, not project code: the
 *       Loc-RIB's prefix lookup in a tree map against hash maps;
 *   <li>{@link io.jbgp.benchmarks.RibFootprint}: retained heap per path (a main class, not JMH).
 * </ul>
 *
 * <p>Every benchmark loads its input once per trial and keeps it in memory, so disk and
 * decompression are never measured. Every benchmark is single-threaded and drives the RIB
 * synchronously (a direct executor): the figures are per core, without executor hand-offs.
 * Nothing here runs in the normal build; {@code BenchmarkSmokeTest} only checks that each
 * benchmark still sets up and runs one invocation on a slice of the data.
 */
package io.jbgp.benchmarks;
