/** The files of the gallery's examples, read as the app serves them (shared by the example tests). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXAMPLES } from '../../src/ui/app/exampleList';

/** The file of an example: the bundled classic fixture for the first, else public/examples/<id>.yaml. */
export const exampleFile = (id: string): string =>
  id === EXAMPLES[0]!.id
    ? fileURLToPath(new URL('../../fixtures/classic/nginx.yaml', import.meta.url))
    : fileURLToPath(new URL(`../../public/examples/${id}.yaml`, import.meta.url));

export const exampleExists = (id: string): boolean => existsSync(exampleFile(id));

export const exampleText = (id: string): string => readFileSync(exampleFile(id), 'utf8');
