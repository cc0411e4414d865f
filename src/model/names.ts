/**
 * The API server's string formats (k8s.io/apimachinery/pkg/util/validation): object names, label
 * keys and values, port names and numbers. Each check returns `undefined` when valid, else a short
 * reason that completes a sentence like `metadata.name "Web": <reason>`.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** RFC 1123 label: namespaces (and the Namespace object's own name). */
export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS_LABEL.test(value)) {
    return 'must consist of lower case alphanumeric characters or "-", and start and end with an alphanumeric character';
  }
  return undefined;
}

/** RFC 1123 subdomain: the names of Pods, controllers and NetworkPolicies. */
export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(value)) {
    return 'must consist of lower case alphanumeric characters, "-" or ".", and start and end with an alphanumeric character';
  }
  return undefined;
}

/** A label key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  // Every label of every object comes here: slices, not `split`.
  const slash = key.indexOf('/');
  if (slash >= 0 && key.includes('/', slash + 1)) return 'may contain at most one "/"';
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix === '') return 'the prefix before "/" must not be empty';
    const problem = dnsSubdomainProblem(prefix);
    if (problem) return `the prefix ${problem}`;
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > 63) return 'the name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) {
    return 'the name part must consist of alphanumeric characters, "-", "_" or ".", and start and end with an alphanumeric character';
  }
  return undefined;
}

/** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (value !== '' && !QUALIFIED_NAME.test(value)) {
    return 'must be empty or consist of alphanumeric characters, "-", "_" or ".", and start and end with an alphanumeric character';
  }
  return undefined;
}

/**
 * An IANA_SVC_NAME (RFC 6335): a named port. Note that "80" is not one: a name needs a letter.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 15) return 'must be 1 to 15 characters long';
  if (!/^[-a-z0-9]+$/.test(name)) return 'must contain only lower case letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a number belongs unquoted)';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with "-"';
  if (name.includes('--')) return 'must not contain "--"';
  return undefined;
}

/** True for an integer port number from 1 to 65535. */
export function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}
