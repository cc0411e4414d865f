/** Opening and dropping files: test files as bytes, the picker, a real drop, the import dialog. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type TestFile = { readonly name: string } & (
  | { readonly text: string }
  | { readonly bytes: readonly number[] }
  | { readonly filler: number }
);

/** A fixture manifest as a file of the same name. */
export const fixtureFile = (path: string): TestFile => ({
  name: path.split('/').pop()!,
  text: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'),
});

/** Opening and dropping files, and the import dialog that follows. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Picks files with the toolbar's "Open files…". */
  async open(files: readonly TestFile[]): Promise<void> {
    const buffer = (f: TestFile) =>
      'text' in f ? Buffer.from(f.text) : 'bytes' in f ? Buffer.from(f.bytes) : Buffer.alloc(f.filler, 'a');
    await this.page.getByTestId('open-files-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: '', buffer: buffer(f) })));
  }

  /**
   * Drags files onto `target` and drops them, as the browser does: dragenter, dragover, drop,
   * with a DataTransfer holding File objects (and their paths, as a file manager gives them). Says whether the page cancelled dragover and drop
   * (what keeps the browser from opening the file instead of the app) and whether the drop
   * overlay showed during the drag.
   */
  async drop(target: Locator, files: readonly TestFile[]): Promise<{ overCancelled: boolean; dropCancelled: boolean; overlay: boolean }> {
    return target.evaluate(async (element, specs) => {
      const data = new DataTransfer();
      for (const f of specs) {
        const part = 'text' in f ? f.text : 'bytes' in f ? new Uint8Array(f.bytes) : 'a'.repeat(f.filler);
        data.items.add(new File([part], f.name));
      }
      // File managers add the files' paths as text, which the editor would insert where dropped.
      data.setData('text/uri-list', specs.map((f) => `file:///home/me/${f.name}`).join('\r\n'));
      data.setData('text/plain', specs.map((f) => `/home/me/${f.name}`).join('\n'));
      const box = element.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      const fire = (type: string) =>
        element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: data, ...at }));
      fire('dragenter');
      const overCancelled = !fire('dragover');
      // React renders the overlay on its own schedule: give it up to a second of frames.
      const shown = () => document.querySelector('[data-testid="drop-overlay"]') !== null;
      for (let frame = 0; frame < 60 && !shown(); frame++) await new Promise(requestAnimationFrame);
      const overlay = shown();
      const dropCancelled = !fire('drop');
      return { overCancelled, dropCancelled, overlay };
    }, files);
  }

  dialog(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  async choose(choice: 'replace' | 'add' | 'cancel'): Promise<void> {
    await this.dialog().getByTestId(`import-${choice}`).click();
    await expect(this.dialog()).toHaveCount(0);
  }
}

/** The toolbar's Diagram menu and its downloads. */
