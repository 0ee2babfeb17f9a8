import { BlockList, isIP } from 'node:net';

/** Whether the server may connect to an address a user typed, and if not, why (phrased to follow "<address> is …"). */
export type AddressClass = { public: true } | { public: false; reason: string };

type Family = 'ipv4' | 'ipv6';
type Range = { network: string; prefix: number; reason: string };
type CompiledRange = { list: BlockList; reason: string };

// Order matters: the first matching range names the reason, so single addresses come before their ranges.
const ipv4Ranges: Range[] = [
  { network: '169.254.169.254', prefix: 32, reason: 'the cloud metadata address' },
  { network: '255.255.255.255', prefix: 32, reason: 'the broadcast address' },
  { network: '0.0.0.0', prefix: 8, reason: 'a "this network" address' },
  { network: '10.0.0.0', prefix: 8, reason: 'a private address' },
  { network: '172.16.0.0', prefix: 12, reason: 'a private address' },
  { network: '192.168.0.0', prefix: 16, reason: 'a private address' },
  { network: '127.0.0.0', prefix: 8, reason: 'a loopback address' },
  { network: '169.254.0.0', prefix: 16, reason: 'a link-local address' },
  { network: '100.64.0.0', prefix: 10, reason: 'a carrier-grade NAT address' },
  { network: '192.0.0.0', prefix: 24, reason: 'a reserved address (IETF protocol assignments)' },
  { network: '192.0.2.0', prefix: 24, reason: 'a documentation address' },
  { network: '198.51.100.0', prefix: 24, reason: 'a documentation address' },
  { network: '203.0.113.0', prefix: 24, reason: 'a documentation address' },
  { network: '198.18.0.0', prefix: 15, reason: 'a benchmarking address' },
  { network: '224.0.0.0', prefix: 4, reason: 'a multicast address' },
  { network: '240.0.0.0', prefix: 4, reason: 'a reserved address' },
];

// Ranges that embed an IPv4 address are handled before these (see embeddedIpv4).
const ipv6Ranges: Range[] = [
  { network: '::', prefix: 128, reason: 'the unspecified address' },
  { network: '::1', prefix: 128, reason: 'a loopback address' },
  { network: 'fd00:ec2::254', prefix: 128, reason: 'the AWS IPv6 metadata address' },
  { network: '64:ff9b:1::', prefix: 48, reason: 'a local-use NAT64 address' },
  { network: '100::', prefix: 64, reason: 'a discard-only address' },
  { network: '2001::', prefix: 32, reason: 'a Teredo tunnel address' },
  { network: '2001:2::', prefix: 48, reason: 'a benchmarking address' },
  { network: '2001:db8::', prefix: 32, reason: 'a documentation address' },
  { network: 'fc00::', prefix: 7, reason: 'a unique local address' },
  { network: 'fe80::', prefix: 10, reason: 'a link-local address' },
  { network: 'fec0::', prefix: 10, reason: 'a deprecated site-local address' },
  { network: 'ff00::', prefix: 8, reason: 'a multicast address' },
];

function compile(ranges: Range[], family: Family): CompiledRange[] {
  return ranges.map(({ network, prefix, reason }) => {
    // One list per range because BlockList.check only says yes or no, and we want to say why.
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, reason };
  });
}

const compiledIpv4 = compile(ipv4Ranges, 'ipv4');
const compiledIpv6 = compile(ipv6Ranges, 'ipv6');

/** Everything public in IPv6 is allocated from 2000::/3; the rest is reserved by IANA. */
const globalUnicast = new BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

function firstMatch(ranges: CompiledRange[], ip: string, family: Family): string | undefined {
  return ranges.find(({ list }) => list.check(ip, family))?.reason;
}

/** The eight 16-bit groups of a valid IPv6 literal (zone already removed), expanding "::" and a trailing dotted quad. */
function ipv6Groups(ip: string): number[] {
  const toGroups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = ip.split('::');
  const before = toGroups(head);
  const after = tail === undefined ? [] : toGroups(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

function ipv4From(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** IPv6 forms that carry an IPv4 address the packets really go to; `kind` reads "an IPv4-mapped form of …". */
function embeddedIpv4(groups: number[]): { kind: string; ipv4: string } | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroThrough4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroThrough4 && g5 === 0xffff) return { kind: 'an IPv4-mapped form', ipv4: ipv4From(g6, g7) };
  if (zeroThrough4 && g5 === 0) return { kind: 'an IPv4-compatible form', ipv4: ipv4From(g6, g7) };
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return { kind: 'a NAT64 form', ipv4: ipv4From(g6, g7) };
  }
  if (g0 === 0x2002) return { kind: 'a 6to4 form', ipv4: ipv4From(g1, g2) };
  return undefined;
}

function classifyIpv4(ip: string): AddressClass {
  const reason = firstMatch(compiledIpv4, ip, 'ipv4');
  return reason === undefined ? { public: true } : { public: false, reason };
}

function classifyIpv6(ip: string): AddressClass {
  const groups = ipv6Groups(ip);
  const isUnspecifiedOrLoopback = groups.slice(0, 7).every((group) => group === 0) && (groups[7] ?? 0) <= 1;
  const embedded = isUnspecifiedOrLoopback ? undefined : embeddedIpv4(groups);
  if (embedded) {
    const inner = classifyIpv4(embedded.ipv4);
    return inner.public ? inner : { public: false, reason: `${embedded.kind} of ${embedded.ipv4}, ${inner.reason}` };
  }
  const reason = firstMatch(compiledIpv6, ip, 'ipv6');
  if (reason !== undefined) return { public: false, reason };
  if (!globalUnicast.check(ip, 'ipv6')) return { public: false, reason: 'a reserved address (outside 2000::/3)' };
  return { public: true };
}

/**
 * Whether an IP literal is a public internet address. Anything that is not an IP literal is
 * refused too, so a caller that forgets to resolve a host name fails closed.
 */
export function classifyAddress(ip: string): AddressClass {
  // A zone ("fe80::1%eth0") picks an interface, not an address; classify the address.
  const address = ip.split('%')[0] ?? '';
  switch (isIP(ip) === 0 ? 0 : isIP(address)) {
    case 4:
      return classifyIpv4(address);
    case 6:
      return classifyIpv6(address);
    default:
      return { public: false, reason: 'not an IP address' };
  }
}
