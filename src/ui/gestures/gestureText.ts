/**
 * What the gesture forms read from their fields: labels (`app=web, tier=db`), ports (`80, 8080`),
 * container ports (`http:8080, dns:53/UDP`). Pure; each returns the value or the sentence that says
 * what is wrong, so a form shows it beside the field.
 */
import { PROTOCOLS, type Labels, type Protocol } from '../../model/types';
import type { NewPort } from '../../plans';

export type Read<T> = { readonly value: T } | { readonly problem: string };

const items = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A label key as the API accepts it: an optional DNS-subdomain prefix and `/`, then a name of up to 63 characters. */
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export function readLabels(text: string): Read<Labels> {
  const labels: Record<string, string> = {};
  for (const item of items(text)) {
    const at = item.indexOf('=');
    const [key, value] = at < 0 ? [item, ''] : [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    if (at < 0) return { problem: `"${item}" is not key=value.` };
    if (!LABEL_KEY.test(key)) return { problem: `"${key}" is not a valid label key.` };
    if (!LABEL_VALUE.test(value)) return { problem: `"${value}" is not a valid label value (63 characters at most: letters, digits, - _ .).` };
    labels[key] = value;
  }
  return { value: labels };
}

const port = (text: string): number | undefined => {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 1 && n <= 65535 ? n : undefined;
};

/** `80, 8080`: at least one port, each 1–65535. */
export function readPorts(text: string): Read<number[]> {
  const ports: number[] = [];
  for (const item of items(text)) {
    const n = port(item);
    if (n === undefined) return { problem: `"${item}" is not a port (1–65535).` };
    if (!ports.includes(n)) ports.push(n);
  }
  return ports.length === 0 ? { problem: 'Name at least one port, or choose all ports.' } : { value: ports };
}

const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** `http:8080, dns:53/UDP, 9090`: container ports, each maybe named, TCP unless said. */
export function readContainerPorts(text: string): Read<NewPort[]> {
  const ports: NewPort[] = [];
  for (const item of items(text)) {
    const match = /^(?:([^:/]+):)?(\d+)(?:\/(\w+))?$/.exec(item);
    const number = match ? port(match[2]!) : undefined;
    if (!match || number === undefined) return { problem: `"${item}" is not a port: write 8080, http:8080 or dns:53/UDP.` };
    const [, name, , protocol] = match;
    if (name !== undefined && !PORT_NAME.test(name)) return { problem: `"${name}" is not a port name (15 lowercase letters, digits or -).` };
    if (protocol !== undefined && !PROTOCOLS.includes(protocol as Protocol)) return { problem: `"${protocol}" is not TCP, UDP or SCTP.` };
    ports.push({ port: number, ...(name ? { name } : {}), ...(protocol ? { protocol: protocol as Protocol } : {}) });
  }
  return { value: ports };
}

/** A DNS label (a namespace's or a workload's name). */
export function readName(text: string, what: string): Read<string> {
  const name = text.trim();
  if (/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) return { value: name };
  return { problem: `A ${what} name is lowercase letters, digits and -, starting and ending with a letter or digit (63 at most).` };
}

/** Labels as a form field shows them. */
export const labelsText = (labels: Labels) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
