import { describe, expect, it } from 'vitest';
import { exportManifests } from '../../model/write';
import { repoFiles } from './repoFiles';

const policy = (namespace: string, name: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: "${name}"\n  namespace: "${namespace}"\nspec:\n  podSelector: {}\n`;
const paths = (text: string) =>
  repoFiles(exportManifests(text, { kind: 'policies' }).objects).map((f) => f.path);

describe('repoFiles', () => {
  it('names each file after its policy, and gives a second policy with the same identity a file of its own', () => {
    expect(paths(`${policy('shop', 'web')}---\n${policy('shop', 'web')}---\n${policy('db', 'web')}`)).toEqual(
      ['shop/web.yaml', 'shop/web-2.yaml', 'db/web.yaml', 'kustomization.yaml'],
    );
  });

  it('keeps an invalid name (exported anyway) inside its folder', () => {
    expect(paths(`${policy('..', '../../etc/x')}---\n${policy('a/b', '.')}`)).toEqual([
      '_../.._.._etc_x.yaml',
      'a_b/_..yaml',
      'kustomization.yaml',
    ]);
  });
});
