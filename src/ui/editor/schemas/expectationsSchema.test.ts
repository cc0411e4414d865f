/**
 * The ConnectivityExpectations schema through the language service the editor runs: valid
 * documents get no warning (the same the model reads cleanly), each mistake the model refuses gets
 * a warning, and hover and completion explain the fields.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '.';
import { parseManifests } from '../../../model';
import { testLanguageService, type TestLanguageService } from './testLanguageService';

const HEAD = 'apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata:\n  name: shop\nspec:\n  expectations:\n';
const VALID = `${HEAD}  - from: default/client[Pod]
    to: {namespace: default, labels: {app: nginx}}
    ports: [TCP/80, UDP/53, TCP/8000-8080, SCTP]
    expect: allowed
  - to: {labels: {app: db}}
    only: [{namespace: shop, labels: {app: api}}, 10.0.0.0/8, "default/client[Pod]"]
    ports: [TCP/5432]
  - from: 192.168.0.1
    to: 0.0.0.0-255.255.255.255
    expect: denied
`;

let service: TestLanguageService;
beforeAll(async () => {
  service = await testLanguageService(manifestSchema);
});

const warnings = async (text: string) => (await service.validate(text)).map((p) => p.message);

describe('ConnectivityExpectations schema', () => {
  it('gives a valid document no warning, as the model reads it without a problem', async () => {
    expect(parseManifests([{ file: 'e.yaml', text: VALID }]).diagnostics).toEqual([]);
    expect(await warnings(VALID)).toEqual([]);
  });

  it.each([
    ['a verdict outside the enum', '  - {from: 10.0.0.1, expect: allow}\n', /"allowed", "denied"/],
    ['a ports item in lower case', '  - {from: 10.0.0.1, ports: [tcp/80], expect: denied}\n', /TCP\/80, UDP\/53/],
    ['a pattern that is no id', '  - {from: client, expect: denied}\n', /namespace\/name\[Kind\]/],
    ['a misspelt field', '  - {from: 10.0.0.1, expects: denied}\n', /not allowed/],
    ['neither expect nor only', '  - {from: 10.0.0.1}\n', /./],
    ['only without to', '  - {only: [10.0.0.1]}\n', /./],
  ])('warns about %s, which the model refuses', async (_, item, expected) => {
    const text = HEAD + item;
    expect(parseManifests([{ file: 'e.yaml', text }]).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(await warnings(text)).toContainEqual(expect.stringMatching(expected));
  });

  it('explains the fields on hover and offers the verdicts', async () => {
    const hover = await service.hover(VALID.replace('    expect: allowed', '    exp|ect: allowed'));
    expect(hover).toContain('What must be true of every matched pair.');
    const only = await service.hover(VALID.replace('    only:', '    on|ly:'));
    expect(only).toContain('The only sources that may reach');
    const items = await service.complete(`${HEAD}  - from: 10.0.0.1\n    expect: |`);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['allowed', 'denied']));
  });
});
