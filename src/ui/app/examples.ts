/**
 * The bundled examples. The first, the default content of the editor, is the shared fixture of
 * the classic example (the CLI and engine tests read the same file); the others are also served
 * as files from /examples/.
 */
import nginx from '../../../fixtures/classic/nginx.yaml?raw';
import defaultDeny from '../../../public/examples/default-deny.yaml?raw';
import egressIpBlock from '../../../public/examples/egress-ipblock.yaml?raw';

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'nginx', title: 'nginx on port 80 (the classic first policy)', text: nginx },
  { id: 'default-deny', title: 'Default deny, then allow DNS and the API', text: defaultDeny },
  { id: 'egress-ipblock', title: 'Egress to outside addresses (ipBlock)', text: egressIpBlock },
];

export const DEFAULT_TEXT = EXAMPLES[0]!.text;
