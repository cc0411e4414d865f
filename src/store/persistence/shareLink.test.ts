import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openShareFragment, SHARE_PREFIX, shareLink } from './shareLink';
import type { Work } from './types';

const BASE = 'https://example.test/netpol/';
const fragmentOf = (link: string) => link.slice(link.indexOf('#'));
const linkFor = (payload: unknown) =>
  `${SHARE_PREFIX}${gzipSync(Buffer.from(JSON.stringify(payload))).toString('base64url')}`;

const ODD_TEXTS = [
  '',
  'kind: Pod\n',
  'no newline at the end',
  'crlf: yes\r\nmore: lines\r\n',
  'mixed\rcr\nand lf\r\n',
  'unicode: "naïve café — 日本語 · עברית · 🧪👩‍👩‍👧 · e\u0301"\n\u00a0nbsp\ttab  \n',
  'lone surrogate: \ud800 and \udfff\n',
  'labels:\n  x: "<script>alert(1)</script>"\n  y: "<img src=x onerror=alert(2)>"\n',
  'nul \u0000 and bell \u0007 and bom \ufeff\n',
];

describe('share links', () => {
  it.each(ODD_TEXTS)('bring back the very same text: %j', async (text) => {
    const link = await shareLink({ work: { text, positions: {} } }, BASE);
    expect(link.startsWith(`${BASE}${SHARE_PREFIX}`)).toBe(true);
    const opened = await openShareFragment(fragmentOf(link));
    expect(opened).toEqual({ work: { text, positions: {} } });
  });

  it('bring back the layout exactly', async () => {
    const work: Work = { text: 'a', positions: { 'default/web[Pod]': { x: 10.015625, y: -3.6 }, ns: { x: 0, y: 200 } } };
    expect(await openShareFragment(fragmentOf(await shareLink({ work }, BASE)))).toEqual({ work });
  });

  it('carry a lesson when asked to, and open links of before (no lesson) as they were', async () => {
    const work: Work = { text: 'kind: Pod\n', positions: {} };
    const link = await shareLink({ work, lesson: '03-allow-by-pod-label' }, BASE);
    expect(await openShareFragment(fragmentOf(link))).toEqual({ work, lesson: '03-allow-by-pod-label' });
    const before = linkFor({ text: 'kind: Pod\n', positions: {} });
    expect(await openShareFragment(before)).toStrictEqual({ work });
    // Without a lesson the payload is the one of before.
    const payload = (link: string) => gunzipSync(Buffer.from(fragmentOf(link).slice(SHARE_PREFIX.length), 'base64url')).toString();
    expect(payload(await shareLink({ work }, BASE))).toBe(JSON.stringify(work));
  });

  it('refuse a lesson that is no lesson id: it names a file to fetch', async () => {
    for (const lesson of ['../secrets', 'a/b', '', 'Caps', 3, null]) {
      expect(await openShareFragment(linkFor({ text: 'a', positions: {}, lesson })), String(lesson)).toEqual({ problem: 'damaged' });
    }
  });

  it('are URL-safe and shorter than the text they hold', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n'.repeat(40);
    const fragment = fragmentOf(await shareLink({ work: { text, positions: {} } }, BASE));
    expect(fragment).toMatch(/^#share-v1=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(text.length / 4);
  });

  it('refuse every truncation of a link, and a changed character', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n';
    const data = fragmentOf(await shareLink({ work: { text, positions: { a: { x: 1, y: 2 } } } }, BASE)).slice(SHARE_PREFIX.length);
    for (let cut = 0; cut < data.length; cut++) {
      expect(await openShareFragment(SHARE_PREFIX + data.slice(0, cut)), `cut at ${cut}`).toEqual({ problem: 'damaged' });
    }
    // From 16 on: the first 13 characters are gzip's header (time stamp, OS), which holds no work.
    for (const at of [16, Math.floor(data.length / 2), data.length - 3]) {
      const swapped = data.slice(0, at) + (data[at] === 'A' ? 'B' : 'A') + data.slice(at + 1);
      expect(await openShareFragment(SHARE_PREFIX + swapped), `changed at ${at}`).toEqual({ problem: 'damaged' });
    }
    expect(await openShareFragment(`${SHARE_PREFIX}${data}).`)).toEqual({ problem: 'damaged' });
  });

  it('refuse well-packed data that is not work', async () => {
    expect(await openShareFragment(linkFor({ text: 3, positions: {} }))).toEqual({ problem: 'damaged' });
    expect(await openShareFragment(linkFor({ text: 'a', positions: { n: { x: 'NaN', y: 1 } } }))).toEqual({ problem: 'damaged' });
    expect(await openShareFragment(linkFor(['a']))).toEqual({ problem: 'damaged' });
    const notJson = `${SHARE_PREFIX}${gzipSync(Buffer.from('{"text": "a"')).toString('base64url')}`;
    expect(await openShareFragment(notJson)).toEqual({ problem: 'damaged' });
  });

  it('refuse a link that unpacks beyond any text the app accepts', async () => {
    const bomb = `${SHARE_PREFIX}${gzipSync(Buffer.alloc(65 * 1024 * 1024, 32)).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(200_000);
    expect(await openShareFragment(bomb)).toEqual({ problem: 'too-large' });
  });

  it('say when a link comes from a newer version, and ignore fragments that are not links', async () => {
    expect(await openShareFragment('#share-v2=abc')).toEqual({ problem: 'newer-version' });
    expect(await openShareFragment('#share-v0=abc')).toEqual({ problem: 'damaged' });
    expect(await openShareFragment('')).toBeNull();
    expect(await openShareFragment('#section-2')).toBeNull();
  });
});
