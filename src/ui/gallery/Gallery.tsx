/**
 * The toolbar's "Examples" button. The gallery it opens (GalleryDialog.tsx) is loaded on the
 * first click: its list and descriptions are not needed to show the page.
 */
import { lazy, Suspense, useCallback, useState } from 'react';

const GalleryDialog = lazy(() => import('./GalleryDialog'));

export function Gallery() {
  const [open, setOpen] = useState(false);
  const onClosed = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="gallery-button"
      >
        Examples
      </button>
      {open && (
        <Suspense fallback={null}>
          <GalleryDialog onClosed={onClosed} />
        </Suspense>
      )}
    </>
  );
}
