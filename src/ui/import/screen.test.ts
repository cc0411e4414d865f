import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../model';
import { MAX_FILE_BYTES, screenFileSize, screenFileText } from './screen';

describe('screenFileSize', () => {
  it('refuses unread only what cannot fit however it decodes', () => {
    expect(screenFileSize(MAX_FILE_BYTES)).toBeUndefined();
    expect(screenFileSize(MAX_FILE_BYTES + 1)).toEqual({ kind: 'too-large', megabytes: (MAX_FILE_BYTES + 1) / 2 ** 20 });
  });
});

describe('screenFileText', () => {
  it('accepts text of a YAML or JSON name, even empty', () => {
    for (const name of ['a.yaml', 'B.YML', 'c.json']) expect(screenFileText(name, '')).toBeUndefined();
  });

  it('applies the model’s size limit', () => {
    expect(screenFileText('a.yaml', 'x'.repeat(MAX_INPUT_CHARS))).toBeUndefined();
    expect(screenFileText('a.yaml', 'x'.repeat(MAX_INPUT_CHARS + 1))).toMatchObject({ kind: 'too-large' });
  });

  it('refuses binary content whatever the name', () => {
    expect(screenFileText('a.yaml', 'kind: Pod\n\u0000\u0001')).toEqual({ kind: 'binary' });
    expect(screenFileText('logo.png', '\ufffdPNG\r\n\u001a\n\u0000\u0000')).toEqual({ kind: 'binary' });
  });

  it('takes another name only when the text has a top-level kind', () => {
    expect(screenFileText('pods.txt', 'apiVersion: v1\nkind: List\nitems: []\n')).toBeUndefined();
    expect(screenFileText('pods', '{\n  "kind": "List"\n}')).toBeUndefined();
    expect(screenFileText('README.md', '# Netpol\n\nSome words.\n')).toEqual({ kind: 'not-manifest' });
    expect(screenFileText('notes.txt', 'the kind: of thing\n  kind: nested\n')).toEqual({ kind: 'not-manifest' });
  });
});
