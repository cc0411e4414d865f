/** The engine's sentences about a pair, as a list (indented lines are the rules of a side). */
export function ExplanationLines({ lines, open = false }: { lines: readonly string[]; open?: boolean }) {
  return (
    <details className="explanation-lines" open={open}>
      <summary>In words</summary>
      <ul>
        {lines.map((line, i) => (
          <li key={i} className={line.startsWith('  ') ? 'indent' : undefined}>
            {line.trim().replace(/^- /, '')}
          </li>
        ))}
      </ul>
    </details>
  );
}
