/**
 * IP addresses and CIDRs, parsed the way the API server reads the legacy `ipBlock` and pod IP
 * fields (Go's "sloppy" parser, k8s.io/utils/net): IPv4 octets may carry leading zeros (read as
 * decimal), the prefix length may carry leading zeros, IPv4-mapped IPv6 forms are accepted, and a
 * CIDR may have host bits set. The API server accepts all of these, with warnings; so do we, and
 * the caller turns the flags below into diagnostics.
 */
import type { Cidr, IpRange } from './types';
import { addressText } from './address-text';

/** One parsed address. IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`) come back as IPv4. */
export interface ParsedIp {
  readonly family: 4 | 6;
  readonly value: bigint;
  /** Accepted, but the API server warns: leading zeros in an octet, or an IPv4-mapped form. */
  readonly nonStandard: boolean;
}

export type CidrResult =
  | {
      readonly ok: true;
      /** Host bits masked; `text` is canonical. */
      readonly cidr: Cidr;
      /** The written address had bits set beyond the prefix length. */
      readonly hostBitsSet: boolean;
      /** Leading zeros or an IPv4-mapped form: accepted with a warning by the API server. */
      readonly nonStandard: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const BITS = { 4: 32, 6: 128 } as const;
const IPV4_MAPPED_PREFIX = 0xffffn << 32n;
const LOW_32 = 0xffff_ffffn;

/** Parses one IPv4 or IPv6 address (no prefix length, no zone). */
export function parseIp(text: string): ParsedIp | undefined {
  if (text.includes(':')) {
    const v6 = parseIpv6(text);
    if (v6 === undefined) return undefined;
    return isIpv4Mapped(v6.value)
      ? { family: 4, value: v6.value & LOW_32, nonStandard: true }
      : { family: 6, value: v6.value, nonStandard: v6.leadingZeros };
  }
  const v4 = parseIpv4(text);
  return v4 && { family: 4, value: v4.value, nonStandard: v4.leadingZeros };
}

/** The single-address range of a parsed IP. */
export function ipRange(ip: ParsedIp): IpRange {
  return { family: ip.family, first: ip.value, last: ip.value };
}

/**
 * Parses `address/prefix-length`. An IPv4-mapped IPv6 CIDR with a prefix of 96 or more is the
 * IPv4 CIDR it maps (as Go reads it); shorter ones stay IPv6.
 */
export function parseCidr(text: string): CidrResult {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'it has no "/prefix-length"' };
  const addressPart = text.slice(0, slash);
  const lengthText = text.slice(slash + 1);
  const is6 = addressPart.includes(':');
  const parsed = is6 ? parseIpv6(addressPart) : parseIpv4(addressPart);
  if (parsed === undefined) {
    return { ok: false, reason: `"${addressPart}" is not an IPv${is6 ? 6 : 4} address` };
  }
  const maxLength = is6 ? 128 : 32;
  if (!/^[0-9]+$/.test(lengthText) || Number(lengthText) > maxLength) {
    return { ok: false, reason: `the prefix length must be a number from 0 to ${maxLength}` };
  }
  let family: 4 | 6 = is6 ? 6 : 4;
  let value = parsed.value;
  let length = Number(lengthText);
  let nonStandard = parsed.leadingZeros || (lengthText.length > 1 && lengthText.startsWith('0'));
  if (is6 && isIpv4Mapped(value)) {
    nonStandard = true;
    if (length >= 96) {
      family = 4;
      value &= LOW_32;
      length -= 96;
    }
  }
  const hostMask = (1n << BigInt(BITS[family] - length)) - 1n;
  const first = value & ~hostMask;
  return {
    ok: true,
    cidr: { family, first, last: first | hostMask, text: `${addressText(family, first)}/${length}` },
    hostBitsSet: (value & hostMask) !== 0n,
    nonStandard,
  };
}

/**
 * True when `inner` is a strict subset of `outer` (same family, inside, and smaller): the rule
 * the API server applies to each `ipBlock.except` entry.
 */
export function isStrictSubset(inner: IpRange, outer: IpRange): boolean {
  return (
    inner.family === outer.family &&
    inner.first >= outer.first &&
    inner.last <= outer.last &&
    inner.last - inner.first < outer.last - outer.first
  );
}

interface RawAddress {
  readonly value: bigint;
  readonly leadingZeros: boolean;
}

function isIpv4Mapped(value: bigint): boolean {
  return value >> 32n === IPV4_MAPPED_PREFIX >> 32n;
}

function parseIpv4(text: string): RawAddress | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  let leadingZeros = false;
  for (const part of parts) {
    // Go's sloppy parser reads any number of leading zeros as decimal.
    if (!/^[0-9]+$/.test(part) || Number(part) > 255) return undefined;
    if (part.length > 1 && part.startsWith('0')) leadingZeros = true;
    value = (value << 8n) | BigInt(Number(part));
  }
  return { value, leadingZeros };
}

function parseIpv6(text: string): RawAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0] ?? '', !compressed);
  const tail = compressed ? parseGroups(halves[1] ?? '', true) : { groups: [], leadingZeros: false };
  if (head === undefined || tail === undefined) return undefined;
  const count = head.groups.length + tail.groups.length;
  // `::` stands for at least one zero group.
  if (compressed ? count > 7 : count !== 8) return undefined;
  const groups = [...head.groups, ...Array<number>(8 - count).fill(0), ...tail.groups];
  const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  return { value, leadingZeros: head.leadingZeros || tail.leadingZeros };
}

/** Colon-separated 16-bit groups; the last may be a dotted IPv4 address (two groups). */
function parseGroups(
  text: string,
  endsAddress: boolean,
): { groups: number[]; leadingZeros: boolean } | undefined {
  if (text === '') return { groups: [], leadingZeros: false };
  const parts = text.split(':');
  const groups: number[] = [];
  let leadingZeros = false;
  for (const [i, part] of parts.entries()) {
    if (endsAddress && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
      leadingZeros ||= v4.leadingZeros;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return { groups, leadingZeros };
}
