/** The page: toolbar, then the editor and the graph side by side, the inspector at the right. */
import { useEffectiveTheme } from './theme';
import { HelpDialog } from './HelpDialog';
import { ExportDialog } from '../export/ExportDialog';
import { SplitPane } from './SplitPane';
import { Toolbar } from './Toolbar';
import { KeepNotices } from '../keep/KeepNotices';
import { YamlEditor } from '../editor/YamlEditor';
import { GraphView } from '../graph/GraphView';
import { Inspector } from '../panels/Inspector';
import { FileDropZone } from '../import/FileDropZone';

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
        left={<YamlEditor />}
        right={
          <div className="right-pane">
            <GraphView />
            <Inspector />
          </div>
        }
      />
      <HelpDialog />
      <ExportDialog />
      <FileDropZone />
    </div>
  );
}
