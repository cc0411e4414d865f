/**
 * Names of new objects: valid DNS labels (what Kubernetes requires of namespaces and what is safe
 * for every other name: lowercase letters, digits and `-`, at most 63 characters, starting and
 * ending alphanumeric), unique among the names already taken (`-2`, `-3`, … appended).
 */

const MAX = 63;

/** `text` as a DNS label: lowercased, other characters replaced by `-`, cut to `max` characters. */
function dnsLabel(text: string, max = MAX): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return label === '' ? 'x' : label;
}

/** `base` as a DNS label, or with the first suffix `-N` that makes it unique in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const name = dnsLabel(base);
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${dnsLabel(base, MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
