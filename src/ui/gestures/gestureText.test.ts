import { describe, expect, it } from 'vitest';
import { labelsText, readContainerPorts, readLabels, readName, readPorts } from './gestureText';

describe('what the gesture forms read', () => {
  it('labels: key=value items; a bad key or value, or an item without =, says so', () => {
    expect(readLabels(' app=web, app.kubernetes.io/name=db ,tier= ')).toEqual({ value: { app: 'web', 'app.kubernetes.io/name': 'db', tier: '' } });
    expect(readLabels('')).toEqual({ value: {} });
    expect(readLabels('app')).toEqual({ problem: '"app" is not key=value.' });
    expect(readLabels('a b=c')).toMatchObject({ problem: expect.stringContaining('label key') });
    expect(readLabels('a=b c')).toMatchObject({ problem: expect.stringContaining('label value') });
    expect(labelsText({ app: 'web', tier: 'db' })).toBe('app=web, tier=db');
  });

  it('ports: 1–65535, once each, at least one', () => {
    expect(readPorts('80, 8080,80')).toEqual({ value: [80, 8080] });
    expect(readPorts('0')).toMatchObject({ problem: expect.stringContaining('"0"') });
    expect(readPorts('http')).toMatchObject({ problem: expect.stringContaining('"http"') });
    expect(readPorts(' ')).toMatchObject({ problem: expect.stringContaining('at least one') });
  });

  it('container ports: maybe named, TCP unless a protocol is said', () => {
    expect(readContainerPorts('http:8080, dns:53/UDP, 9090')).toEqual({
      value: [{ port: 8080, name: 'http' }, { port: 53, name: 'dns', protocol: 'UDP' }, { port: 9090 }],
    });
    expect(readContainerPorts('')).toEqual({ value: [] });
    expect(readContainerPorts('web:80/HTTP')).toMatchObject({ problem: expect.stringContaining('"HTTP"') });
    expect(readContainerPorts('Web:80')).toMatchObject({ problem: expect.stringContaining('port name') });
    expect(readContainerPorts('80:http')).toMatchObject({ problem: expect.stringContaining('"80:http"') });
  });

  it('names: DNS labels', () => {
    expect(readName(' shop ', 'namespace')).toEqual({ value: 'shop' });
    expect(readName('Shop', 'namespace')).toMatchObject({ problem: expect.stringContaining('namespace name') });
    expect(readName('-a', 'workload')).toMatchObject({ problem: expect.stringContaining('workload name') });
  });
});
