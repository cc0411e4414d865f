/** The YAML editor, driven as a person types (through the test hooks where Monaco needs them). */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('yaml-editor');
  }

  /** Waits for Monaco to render tokens, then switches off auto-indent for typed YAML. */
  async ready(): Promise<void> {
    await expect(this.root().locator('.monaco-editor .view-lines .mtk1').first()).toBeVisible();
    await this.page.evaluate(() => window.__netpolTest!.plainTyping());
  }

  /** Puts the cursor at a 1-based position, with the focus in the editor. */
  async cursorAt(line: number, column: number): Promise<void> {
    await this.root().locator('.view-lines').click();
    await this.page.evaluate(([l, c]) => window.__netpolTest!.setCursor(l!, c!), [line, column]);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** Pastes `text` as the clipboard does: a paste event, with the text, at the editor's focused input. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  text(): Promise<string> {
    return this.page.evaluate(() => window.__netpolTest!.getText());
  }

  cursor(): Promise<{ line: number; column: number }> {
    return this.page.evaluate(() => window.__netpolTest!.getCursor());
  }

  errorMarkers(): Locator {
    return this.root().locator('.squiggly-error');
  }

  revealedLines(): Locator {
    return this.root().locator('.editor-reveal');
  }

  /** Right-clicks the first line showing `lineText` and runs the context-menu entry `item`. */
  async contextMenu(lineText: string, item: string): Promise<void> {
    await this.root().locator('.view-line', { hasText: lineText }).first().click({ button: 'right' });
    const entry = this.page.getByRole('menuitem', { name: item });
    // The pointer moves onto the entry first, as a hand does, which focuses it; Enter runs it. (A
    // click can come too soon after the menu opened for Monaco, which then drops it as the end of
    // the right click: the entry would not run, now and then, on a loaded machine.)
    await entry.hover();
    await expect(entry).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(entry).toBeHidden();
  }
}
