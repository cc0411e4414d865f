/** The import dialog, loaded when the first files arrive rather than with the page. */
import { lazy, Suspense, type ComponentProps } from 'react';

const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

export function LazyImportDialog(props: ComponentProps<typeof ImportDialog>) {
  return (
    <Suspense fallback={null}>
      <ImportDialog {...props} />
    </Suspense>
  );
}
