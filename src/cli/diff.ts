/**
 * `netpol-canvas diff OLD_PATH NEW_PATH`: what changes in connectivity from the manifests in
 * OLD_PATH to those in NEW_PATH — every ordered pair whose allowed ports differ, with the ports
 * added and removed (the engine's `streamConnectivityDiff`, both sides streamed). Exit 0 when
 * they allow the same, 1 when not, 2 when an input cannot be trusted to say (nothing read from a
 * path, or an error in either: an object kubectl would refuse would make the comparison wrong).
 */
import { carvesIpv6, streamConnectivityDiff } from '../engine';
import { DIFF_FORMATS, nothingChanged, renderDiff } from './diff-formats';
import { DIFF_HELP } from './help';
import { USAGE_ERROR, UsageError, formatArgs, type CliIo } from './io';
import { evaluateStream, loadStream } from './load';

type Side = NonNullable<ReturnType<typeof loadStream>>;

/**
 * When only one side names IPv6 addresses, the other is evaluated again with the IPv6 space carved
 * too: it still decides what those addresses get (what any address no ipBlock names gets), so they
 * are compared address by address instead of listed as endpoints added. Otherwise as they are, so
 * an IPv4-only diff is not cluttered with IPv6.
 */
function inOneAddressSpace(sides: readonly [Side, Side]): readonly [Side, Side] {
  if (carvesIpv6(sides[0].analysis) === carvesIpv6(sides[1].analysis)) return sides;
  const carved = (side: Side): Side =>
    carvesIpv6(side.analysis) ? side : { ...side, ...evaluateStream(side.inputs, { addressFamilies: [6] }) };
  return [carved(sides[0]), carved(sides[1])];
}

export function diffCommand(args: string[], io: CliIo): number {
  const options = formatArgs(args, DIFF_FORMATS, DIFF_HELP, io);
  if (!options) return 0;
  const { format, show, positionals } = options;
  if (positionals.length !== 2) {
    throw new UsageError(`diff compares two PATHs, OLD_PATH and NEW_PATH (${positionals.length} given)`);
  }
  const sides = positionals.map((path) => {
    const loaded = loadStream([path], show, io);
    const errors = loaded?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
    if (errors > 0) {
      const count = `${errors} error${errors === 1 ? '' : 's'}`;
      io.err(`${path}: ${count} (above): its connectivity would not be what a cluster does`);
    }
    return loaded && errors === 0 ? loaded : undefined;
  });
  if (!sides[0] || !sides[1]) return USAGE_ERROR;
  const [before, after] = inOneAddressSpace([sides[0], sides[1]]);
  const diff = streamConnectivityDiff(before.analysis, after.analysis);
  const { lines, tally } = renderDiff(diff, format);
  for (const line of lines) io.out(line);
  return nothingChanged(diff, tally) ? 0 : 1;
}
