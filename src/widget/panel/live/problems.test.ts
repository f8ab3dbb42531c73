import { describe, expect, it } from 'vitest';
import { problemOf, problemText } from './problems';
import { ERROR_CODES } from '../../../protocol/error-codes';
import { loadLiveStrings } from './liveStrings';
import { LANGUAGES } from '../../i18n/locale';

describe('a refusal of the backend, in the visitor’s words', () => {
  it('turns every server code into something a visitor can act on', () => {
    expect(problemOf('slot_taken')).toBe('slot');
    expect(problemOf('closed')).toBe('ended');
    expect(problemOf('invalid')).toBe('refused');
    expect(problemOf('link_expired')).toBe('lost');
    expect(problemOf('server_error')).toBe('other');
    for (const code of ERROR_CODES) expect(['slot', 'ended', 'refused', 'lost', 'other']).toContain(problemOf(code));
  });

  it('never shows the server’s English sentence, in any language', async () => {
    const it = await loadLiveStrings('it');
    expect(problemText(it, 'slot_unfree')).toBe('Quell’orario è appena stato preso. Ne scelga un altro.');
    expect(problemText(it, 'closed')).toBe('Non ha funzionato (questa conversazione è già terminata). Ci chiami, per favore.');
    for (const language of LANGUAGES) {
      const s = await loadLiveStrings(language);
      for (const code of ERROR_CODES) expect(problemText(s, code)).not.toMatch(/handoff|clientId|token|LIFELINE_/);
    }
  });
});
