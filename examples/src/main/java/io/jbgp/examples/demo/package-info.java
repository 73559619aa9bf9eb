/**
 * DOC: the README's main command. {@link io.jbgp.examples.demo.Demo} runs the write-up's two
 * sites ({@link io.jbgp.examples.demo.DemoSite}: AS 65501 and AS 65502, "pfSense Site-to-Site
 * IPsec VTI with BGP") as two {@code Bgpd}s in one process on loopback, with in-memory host routes
 * (LAN, WAN with the default route, a static route behind the LAN) and in-memory forwarding
 * tables, so it needs no root and touches nothing on the host. It waits (bounded) for
 * convergence and prints each site's Status, Routing table and Forwarding table, as pfSense's
 * OpenBGPD status page does, plus what the network statements held back (the WAN subnet).
 */
package io.jbgp.examples.demo;
