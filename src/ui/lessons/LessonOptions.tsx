/**
 * The lessons, as a group of the toolbar's "Examples…" picker: one more control would not fit the
 * toolbar's single row at 1280 pixels. Their values are `lesson:<id>` (see `lessonChoice`).
 */
import { LESSONS } from './lessons';

const PREFIX = 'lesson:';

/** The lesson a picker value chooses, if it chooses one. */
export function lessonChoice(value: string): string | undefined {
  return value.startsWith(PREFIX) ? value.slice(PREFIX.length) : undefined;
}

export function LessonOptions() {
  return (
    <optgroup label="Lessons">
      {LESSONS.map((lesson, i) => (
        <option key={lesson.id} value={`${PREFIX}${lesson.id}`}>
          {`${i + 1}. ${lesson.title}`}
        </option>
      ))}
    </optgroup>
  );
}
