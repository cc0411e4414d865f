/**
 * Opening what the gallery offers: a lesson enters lesson mode (useOpenLesson); an example's text
 * replaces the editor's, and the work it replaces becomes a restore point (the store's
 * `replaceText`), so loading never loses anything.
 */
import { useCallback } from 'react';
import { useActions } from '../../store/react';
import { exampleText } from '../app/examples';
import { useOpenLesson } from '../lessons/useOpenLesson';
import { lessonChoice } from './entries';

export function useChooseEntry(): (value: string) => Promise<void> {
  const actions = useActions();
  const openLesson = useOpenLesson();
  return useCallback(
    async (value: string) => {
      const lesson = lessonChoice(value);
      if (lesson !== undefined) return openLesson(lesson);
      actions.replaceText(await exampleText(value), 'example');
    },
    [actions, openLesson],
  );
}
