/**
 * The resolve form's list of what would be learned for the article typed: each of the visitor's
 * searches that may be learned, with a checkbox (ticked at first when it is about the article),
 * and the ones that never are (personal data, removed...), with why. Visitor text is text only.
 */
import type { AgentLearning } from '../server/api/agent-types';
import { candidateNote } from './format';

export function LearnChoices({
  learning,
  ticked,
  onToggle,
}: {
  learning: AgentLearning;
  ticked: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const offered = learning.candidates.filter((c) => c.learnable);
  const never = learning.candidates.filter((c) => !c.learnable);
  const article = learning.articleTitle ? `“${learning.articleTitle}”` : learning.articleId;
  if (learning.candidates.length === 0) return <p class="hint muted">The visitor made no search to learn from.</p>;
  return (
    <fieldset class="learn">
      <legend>Searches to learn as phrasings of {article}</legend>
      {offered.length === 0 && <p class="hint muted">None of this visitor’s searches can be learned.</p>}
      {offered.map((c, i) => (
        <div key={c.key} class="learn-choice">
          <label class="check">
            <input
              type="checkbox"
              checked={ticked.has(c.key)}
              aria-describedby={`learn-note-${i}`}
              onChange={(e) => onToggle(c.key, e.currentTarget.checked)}
            />
            <span class="phrasing-text">{c.text}</span>
          </label>
          <p id={`learn-note-${i}`} class="hint muted">
            {candidateNote(c)}
          </p>
        </div>
      ))}
      {never.length > 0 && (
        <>
          <p class="never-heading" id="never-heading">
            Never learned
          </p>
          <ul class="never" aria-labelledby="never-heading">
            {never.map((c) => (
              <li key={c.key}>
                <q class="phrasing-text">{c.text}</q> <span class="muted">{candidateNote(c)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint muted">
        A learned phrasing is served to visitors once a second handoff teaches it, or once you confirm it under Learned phrasings.
      </p>
    </fieldset>
  );
}
