/**
 * Opening a lesson (the toolbar, "Next lesson"): its start replaces the text — the work it
 * replaces becomes a restore point, as for an example — and the app enters lesson mode, with the
 * Lesson tab shown. A lesson that fails to load still opens its tab, which says why.
 */
import { useCallback } from 'react';
import { lessonView } from '../../store/lessonProgress';
import { useActions } from '../../store/react';
import { loadLesson } from './useLessonFile';

export function useOpenLesson(): (id: string) => Promise<void> {
  const actions = useActions();
  return useCallback(
    async (id: string) => {
      const file = await loadLesson(id);
      if (file.state === 'ready') actions.replaceText(file.ready.lesson.start, 'lesson');
      actions.setView(lessonView(id));
    },
    [actions],
  );
}
