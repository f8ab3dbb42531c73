import { describe, expect, it } from 'vitest';
import { candidateNote, learnedText, percentText, repeatedText, safeHref, waitText, waited } from './format';

describe('waited', () => {
  const start = '2025-03-01T10:00:00Z';
  const at = (seconds: number): number => Date.parse(start) + seconds * 1000;
  it('counts seconds, then minutes, then hours and minutes', () => {
    expect(waited(start, at(0))).toBe('0 s');
    expect(waited(start, at(59))).toBe('59 s');
    expect(waited(start, at(60))).toBe('1 min');
    expect(waited(start, at(3599))).toBe('59 min');
    expect(waited(start, at(3900))).toBe('1 h 05 min');
  });
  it('never counts backwards when clocks disagree', () => {
    expect(waited(start, at(-5))).toBe('0 s');
  });
});

describe('safeHref', () => {
  const base = 'https://console.example';
  it('links http(s) pages, relative ones against the console', () => {
    expect(safeHref('https://shop.example/orders', base)).toBe('https://shop.example/orders');
    expect(safeHref('/orders', base)).toBe('https://console.example/orders');
  });
  it('never links other schemes a visitor could send', () => {
    expect(safeHref('javascript:alert(1)', base)).toBeNull();
    expect(safeHref('JaVaScRiPt:alert(1)', base)).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>', base)).toBeNull();
    expect(safeHref('http://[bad', base)).toBeNull();
  });
});

describe('waitText', () => {
  it('says a median wait in seconds, then minutes and seconds, and none as such', () => {
    expect(waitText(null)).toBe('No replies yet');
    expect(waitText(44.6)).toBe('45 s');
    expect(waitText(120)).toBe('2 min');
    expect(waitText(200)).toBe('3 min 20 s');
  });
});

describe('learnedText', () => {
  it('says how many searches were learned, for which article, and whether visitors get them yet', () => {
    expect(learnedText({ articleId: 'card-arrival', articleTitle: 'When will my card arrive?', count: 2, served: 0 })).toBe(
      '2 searches learned as phrasings of “When will my card arrive?”: each is served to visitors once another handoff teaches it or you confirm it.',
    );
    expect(learnedText({ articleId: 'card-arrival', articleTitle: null, count: 1, served: 0 })).toBe(
      '1 search learned as a phrasing of the article card-arrival: it is served to visitors once another handoff teaches it or you confirm it.',
    );
    expect(learnedText({ articleId: 'refunds', articleTitle: null, count: 1, served: 1 })).toBe('1 search learned as a phrasing of the article refunds: it is served to visitors now.');
    expect(learnedText({ articleId: 'refunds', articleTitle: null, count: 3, served: 1 })).toBe(
      '3 searches learned as phrasings of the article refunds: 1 served to visitors now, the other 2 each once another handoff teaches it or you confirm it.',
    );
    expect(learnedText({ articleId: 'refunds', articleTitle: null, count: 0, served: 0 })).toBe('No search of this visitor was learned as a phrasing of the article refunds.');
  });
});

describe('candidateNote', () => {
  it('says why a search is offered as it is', () => {
    expect(candidateNote({ reason: 'about', personal: null, known: 'pending' })).toBe('About the article. Taught once before: learning it again serves it.');
    expect(candidateNote({ reason: 'personal_data', personal: 'reference', known: null })).toBe(
      'Looks like personal data (an order or reference number): never learned.',
    );
  });
});

describe('percentText and repeatedText', () => {
  it('rounds a share to a whole percentage, and says a dash when nobody answered', () => {
    expect(percentText(2 / 3)).toBe('67%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
  });
  it('tells an unanswered repeat question apart from No', () => {
    expect(repeatedText(null)).toBe('Not answered');
    expect(repeatedText(false)).toBe('No');
    expect(repeatedText(true)).toMatch(/^Yes/);
  });
});

describe('in the agent’s language', () => {
  it('says durations, learning and ratings in German, French and Spanish', async () => {
    const { CONSOLE_STRINGS } = await import('./strings');
    const { de, fr, es } = CONSOLE_STRINGS;
    expect(waited('2026-01-01T10:00:00Z', Date.parse('2026-01-01T11:05:00Z'), de)).toBe('1 Std. 05 Min.');
    expect(waitText(200, de)).toBe('3 Min. 20 Sek.');
    expect(waitText(null, es)).toBe('Aún sin respuestas');
    expect(candidateNote({ reason: 'personal_data', personal: 'card', known: null }, fr)).toBe('Ressemble à une donnée personnelle (une carte bancaire) : jamais apprise.');
    expect(candidateNote({ reason: 'about', personal: null, known: 'served' }, de)).toBe('Passt zum Artikel. Wird schon angeboten.');
    expect(learnedText({ articleId: 'a1', articleTitle: null, count: 2, served: 0 }, es)).toBe(
      '2 búsquedas aprendidas como formulaciones del artículo a1: cada una se ofrecerá a los visitantes en cuanto otra derivación la enseñe o usted la confirme.',
    );
    expect(repeatedText(true, fr)).toBe('Oui, il a dû répéter quelque chose');
  });
});
