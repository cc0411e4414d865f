import { describe, expect, it } from 'vitest';
import {
  dnsLabelProblem,
  dnsSubdomainProblem,
  isPortNumber,
  labelKeyProblem,
  labelValueProblem,
  portNameProblem,
} from './names';

describe('portNameProblem (IANA_SVC_NAME)', () => {
  it.each(['http', 'h2c', 'grpc-web', 'a', 'abcdefghijklmno', '8080-http'])('accepts %j', (name) => {
    expect(portNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['80', 'letter'],
    ['', '1 to 15'],
    ['abcdefghijklmnop', '1 to 15'],
    ['HTTP', 'lower case'],
    ['http_alt', 'lower case'],
    ['-http', 'begin or end'],
    ['http-', 'begin or end'],
    ['http--alt', '"--"'],
  ])('rejects %j', (name, reason) => {
    expect(portNameProblem(name)).toContain(reason);
  });
});

describe('label keys and values', () => {
  it.each(['app', 'app.kubernetes.io/name', 'k8s-app', 'A_b.c', 'example.com/x'])('accepts key %j', (key) => {
    expect(labelKeyProblem(key)).toBeUndefined();
  });
  it.each([
    ['', 'must not be empty'],
    ['a/b/c', 'at most one'],
    ['/app', 'prefix'],
    ['Example.com/app', 'prefix'],
    ['app/', 'must not be empty'],
    ['-app', 'start and end'],
    ['bad key', 'alphanumeric'],
    ['a'.repeat(64), '63'],
  ])('rejects key %j', (key, reason) => {
    expect(labelKeyProblem(key)).toContain(reason);
  });
  it('accepts empty and ordinary values, rejects others', () => {
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('v1.2_beta-3')).toBeUndefined();
    expect(labelValueProblem('-web')).toBeDefined();
    expect(labelValueProblem('a b')).toBeDefined();
    expect(labelValueProblem('a'.repeat(64))).toContain('63');
  });
});

describe('object names', () => {
  it('tells DNS labels from subdomains', () => {
    expect(dnsLabelProblem('kube-system')).toBeUndefined();
    expect(dnsLabelProblem('a.b')).toBeDefined();
    expect(dnsLabelProblem('a'.repeat(64))).toContain('63');
    expect(dnsSubdomainProblem('web.v2')).toBeUndefined();
    expect(dnsSubdomainProblem('Web')).toBeDefined();
    expect(dnsSubdomainProblem('web_v2')).toBeDefined();
    expect(dnsSubdomainProblem('a'.repeat(254))).toContain('253');
  });
});

describe('isPortNumber', () => {
  it('is 1..65535, integers only', () => {
    expect([1, 80, 65535].every(isPortNumber)).toBe(true);
    expect([0, 65536, -1, 80.5, Number.NaN].some(isPortNumber)).toBe(false);
  });
});
