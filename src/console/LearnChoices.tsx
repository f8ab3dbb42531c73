/**
 * The resolve form's list of what would be learned for the article typed: each of the visitor's
 * searches that may be learned, with a checkbox (ticked at first when it is about the article),
 * and the ones that never are (personal data, removed...), with why. Visitor text is text only.
 */
import type { AgentLearning } from '../server/api/agent-types';
import { candidateNote } from './format';
import { useStrings } from './strings';

export function LearnChoices({
  learning,
  ticked,
  onToggle,
}: {
  learning: AgentLearning;
  ticked: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const strings = useStrings();
  const t = strings.learn;
  const offered = learning.candidates.filter((c) => c.learnable);
  const never = learning.candidates.filter((c) => !c.learnable);
  const [open, close] = strings.quotes;
  const article = learning.articleTitle ? `${open}${learning.articleTitle}${close}` : learning.articleId;
  if (learning.candidates.length === 0) return <p class="hint muted">{t.none}</p>;
  return (
    <fieldset class="learn">
      <legend>{t.legend(article)}</legend>
      {offered.length === 0 && <p class="hint muted">{t.noneLearnable}</p>}
      {offered.map((c, i) => (
        <div key={c.key} class="learn-choice">
          <label class="check">
            <input
              type="checkbox"
              checked={ticked.has(c.key)}
              aria-describedby={`learn-note-${i}`}
              onChange={(e) => onToggle(c.key, e.currentTarget.checked)}
            />
            <span class="phrasing-text" dir="auto">{c.text}</span>
          </label>
          <p id={`learn-note-${i}`} class="hint muted">
            {candidateNote(c, strings)}
          </p>
        </div>
      ))}
      {never.length > 0 && (
        <>
          <p class="never-heading" id="never-heading">
            {t.never}
          </p>
          <ul class="never" aria-labelledby="never-heading">
            {never.map((c) => (
              <li key={c.key}>
                <q class="phrasing-text" dir="auto">{c.text}</q> <span class="muted">{candidateNote(c, strings)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hint muted">
        {t.hint}
      </p>
    </fieldset>
  );
}
