/**
 * Writing an expectation down from the graph: one insertion, after the last expectation of the
 * last ConnectivityExpectations document (indented like it), else a new document at the end; the
 * result reads back with the new expectation last, and nothing else in the text changes.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../index';
import { applyChanges } from '../text-changes';
import { expectationEdit, type WrittenExpectation } from './expectation-edit';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: x}]}\n';
const DENY: WrittenExpectation = { from: 'default/a[Pod]', to: 'default/b[Pod]', expect: 'denied' };
const ALLOW_80: WrittenExpectation = { from: 'default/a[Pod]', to: '10.0.0.0/8', expect: 'allowed', ports: ['TCP/80', 'UDP/53'] };

const written = (text: string, e: WrittenExpectation) => applyChanges(text, [expectationEdit(text, e)]);
const expectationsOf = (text: string) => {
  const { expectations, diagnostics } = parseManifests([{ file: 'x.yaml', text }]);
  expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return expectations.map((doc) => [doc.name, doc.expectations.length]);
};

describe('expectationEdit', () => {
  it('appends a document when the text has no expectations, quoting the ids', () => {
    const text = written(POD, DENY);
    expect(text.startsWith(POD)).toBe(true);
    expect(text.slice(POD.length)).toBe(
      '---\napiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata:\n  name: expectations\nspec:\n' +
        '  expectations:\n    - from: "default/a[Pod]"\n      to: "default/b[Pod]"\n      expect: denied\n',
    );
    expect(expectationsOf(text)).toEqual([['expectations', 1]]);
  });

  it('adds to the last expectations document, after its last item, indented like its items', () => {
    const once = written(`${POD}`, DENY);
    const withComment = `${once}# the end\n---\n${POD.replace('name: a', 'name: b')}`;
    const twice = written(withComment, ALLOW_80);
    expect(expectationsOf(twice)).toEqual([['expectations', 2]]);
    const added = '    - from: "default/a[Pod]"\n      to: "10.0.0.0/8"\n      ports: [TCP/80, UDP/53]\n      expect: allowed\n';
    expect(twice).toBe(withComment.replace('      expect: denied\n', `      expect: denied\n${added}`));
  });

  it('follows the list\'s own indentation, and a text without a final line break', () => {
    const compact = 'apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: e}\nspec:\n  expectations:\n  - {from: 10.0.0.1, expect: denied}';
    const text = written(compact, DENY);
    expect(text).toBe(`${compact}\n  - from: "default/a[Pod]"\n    to: "default/b[Pod]"\n    expect: denied\n`);
    expect(expectationsOf(text)).toEqual([['e', 2]]);
  });

  it('leaves a flow list alone and writes a document of its own', () => {
    const flow = 'apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: e}\nspec: {expectations: [{from: 10.0.0.1, expect: denied}]}\n';
    expect(expectationsOf(written(flow, DENY))).toEqual([
      ['e', 1],
      ['expectations', 1],
    ]);
  });

  it('starts an empty text with the document itself', () => {
    expect(written('', DENY).startsWith('apiVersion: netpol-canvas/v1alpha1\n')).toBe(true);
  });
});
