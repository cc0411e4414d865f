/** The page: toolbar, then the editor and the graph side by side, the inspector at the right. */
import { useEffectiveTheme } from './theme';
import { HelpDialog } from './HelpDialog';
import { ExportDialog } from '../export/ExportDialog';
import { SplitPane } from './SplitPane';
import { Toolbar } from './Toolbar';
import { KeepNotices } from '../keep/KeepNotices';
import { LazyYamlEditor } from '../editor/LazyYamlEditor';
import { MainPane } from '../matrix/MainPane';
import { Inspector } from '../panels/Inspector';
import { FileDropZone } from '../import/FileDropZone';
import { SearchDialog } from '../search/SearchDialog';
import { GraphGate } from '../lessons/GraphGate';
import { ReviewDialog } from '../review/ReviewDialog';
import { GestureProvider } from '../gestures/GestureProvider';
import { useAppState } from '../../store/react';
import './presentation.css';

export function App() {
  const theme = useEffectiveTheme();
  const presentation = useAppState((s) => s.view.presentation);
  const panelFolded = useAppState((s) => s.view.panelCollapsed);
  return (
    <div className={`app theme-${theme}${presentation ? ' presenting' : ''}`} data-theme={theme}>
      <Toolbar />
      {/* Landmarks: the toolbar is the banner, the panes are main, the inspector is complementary. */}
      <section className="notices" aria-label="Notices" data-testid="notices">
        <KeepNotices />
      </section>
      <main className="workspace">
        {/* Gestures start on the graph and end in forms over the page. */}
        <GestureProvider>
          <SplitPane
            initial={36}
            left={<LazyYamlEditor />}
            right={
              <div className={panelFolded ? 'right-pane is-folded' : 'right-pane'}>
                <GraphGate>
                  <MainPane />
                </GraphGate>
                <Inspector />
              </div>
            }
          />
        </GestureProvider>
      </main>
      <HelpDialog />
      <SearchDialog />
      <ExportDialog />
      <ReviewDialog />
      <FileDropZone />
    </div>
  );
}
