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

export function App() {
  const theme = useEffectiveTheme();
  return (
    <div className={`app theme-${theme}`} data-theme={theme}>
      <Toolbar />
      <div className="notices" data-testid="notices">
        <KeepNotices />
      </div>
      <SplitPane
        initial={36}
        left={<LazyYamlEditor />}
        right={
          <div className="right-pane">
            <GraphGate>
              <MainPane />
            </GraphGate>
            <Inspector />
          </div>
        }
      />
      <HelpDialog />
      <SearchDialog />
      <ExportDialog />
      <ReviewDialog />
      <FileDropZone />
    </div>
  );
}
