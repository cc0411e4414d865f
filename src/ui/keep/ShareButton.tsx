/**
 * "Share": copies a link that holds the whole work (store/persistence/shareLink.ts), and in lesson
 * mode the lesson, so a class opens it in the lesson. A link too long to travel reliably is not
 * copied: the dialog says so and offers the YAML file instead.
 */
import { useRef, useState } from 'react';
import { useAppStoreApi } from '../../store/react';
import { RELIABLE_LINK_CHARS, shareLink } from '../../store/persistence/shareLink';
import { saveYaml } from '../app/saveFile';
import { lessonEntry } from '../lessons/lessons';
import { LINK_COPIED, LINK_NOT_COPIED, linkOpensLesson, linkTooLong } from './wording';
import './keep.css';
import { copyText } from '../app/clipboard';

interface Shared {
  readonly link: string;
  /** Over RELIABLE_LINK_CHARS, and the user has not asked for it anyway. */
  readonly tooLong: boolean;
  readonly copied: boolean;
  /** The title of the lesson the link opens in. */
  readonly lessonTitle?: string;
}

export function ShareButton() {
  const store = useAppStoreApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [shared, setShared] = useState<Shared | null>(null);

  const share = async () => {
    const { readText, positions, view } = store.getState();
    const lesson = view.lesson?.id;
    const link = await shareLink({ work: { text: readText(), positions }, lesson }, location.href.split('#')[0]!);
    const tooLong = link.length > RELIABLE_LINK_CHARS;
    const title = lesson === undefined ? undefined : (lessonEntry(lesson)?.title ?? lesson);
    setShared({ link, tooLong, copied: !tooLong && (await copyText(link)), ...(title !== undefined && { lessonTitle: title }) });
    dialog.current!.showModal();
  };
  // Copies on request: a short link again, or a long one the user wants anyway.
  const copyLink = async () => shared && setShared({ ...shared, tooLong: false, copied: await copyText(shared.link) });

  return (
    <>
      <button type="button" className="button" onClick={() => void share()} data-testid="share-button">
        Share
      </button>
      <dialog ref={dialog} className="app-dialog share-dialog" aria-labelledby="share-title" data-testid="share-dialog">
        {shared?.tooLong && (
          <>
            <h2 id="share-title">Too long for a link</h2>
            <p data-testid="share-too-long">{linkTooLong(shared.link.length, RELIABLE_LINK_CHARS)}</p>
          </>
        )}
        {shared && !shared.tooLong && (
          <>
            <h2 id="share-title">Share</h2>
            <p>{shared.copied ? LINK_COPIED : LINK_NOT_COPIED}</p>
            {shared.lessonTitle !== undefined && <p data-testid="share-lesson">{linkOpensLesson(shared.lessonTitle)}</p>}
            <input
              className="share-link"
              readOnly
              value={shared.link}
              aria-label="Share link"
              data-testid="share-link"
              onFocus={(event) => event.target.select()}
            />
            <p className="muted">{shared.link.length.toLocaleString('en')} characters</p>
          </>
        )}
        <form method="dialog" className="dialog-actions">
          {shared?.tooLong ? (
            <>
              <button type="button" className="button" onClick={() => saveYaml(store.getState().readText())}>
                Download YAML
              </button>
              <button type="button" className="button" onClick={() => void copyLink()}>
                Copy the long link anyway
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => void copyLink()}>
              Copy link
            </button>
          )}
          <button className="button">Close</button>
        </form>
      </dialog>
    </>
  );
}
