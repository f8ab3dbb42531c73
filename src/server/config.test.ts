import { describe, expect, it } from 'vitest';
import { readSettings } from './config';

describe('readSettings', () => {
  it('has defaults for everything', () => {
    expect(readSettings({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dbPath: './data/lifeline.db',
      allowedOrigins: [],
      agent: null,
      secret: undefined,
      trustProxy: false,
      phrasingsPerArticle: 200,
    });
  });

  it('reads every variable', () => {
    const settings = readSettings({
      PORT: '9000',
      HOST: '0.0.0.0',
      LIFELINE_DB: '/var/lib/lifeline/db.sqlite',
      LIFELINE_ALLOWED_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      LIFELINE_AGENT_EMAIL: 'ada.lovelace@example.com',
      LIFELINE_AGENT_PASSWORD: 'correct horse',
      LIFELINE_SECRET: 's'.repeat(32),
      LIFELINE_TRUST_PROXY: '1',
      LIFELINE_PHRASINGS_PER_ARTICLE: '50',
    });
    expect(settings).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dbPath: '/var/lib/lifeline/db.sqlite',
      allowedOrigins: ['https://shop.example.com', 'http://localhost:5173'],
      agent: { email: 'ada.lovelace@example.com', password: 'correct horse', name: 'Ada Lovelace' },
      secret: 's'.repeat(32),
      trustProxy: true,
      phrasingsPerArticle: 50,
    });
  });

  it.each([
    [{ PORT: 'http' }, /^PORT must be a port number/],
    [{ PORT: '70000' }, /^PORT /],
    [{ LIFELINE_ALLOWED_ORIGINS: 'https://shop.example.com/' }, /^LIFELINE_ALLOWED_ORIGINS .*"https:\/\/shop.example.com\/"/],
    [{ LIFELINE_ALLOWED_ORIGINS: 'shop.example.com' }, /^LIFELINE_ALLOWED_ORIGINS /],
    [{ LIFELINE_AGENT_EMAIL: 'ada@example.com' }, /^LIFELINE_AGENT_PASSWORD /],
    [{ LIFELINE_AGENT_PASSWORD: 'correct horse' }, /^LIFELINE_AGENT_EMAIL /],
    [{ LIFELINE_AGENT_EMAIL: 'ada', LIFELINE_AGENT_PASSWORD: 'correct horse' }, /^LIFELINE_AGENT_EMAIL must be an email/],
    [{ LIFELINE_AGENT_EMAIL: 'ada@example.com', LIFELINE_AGENT_PASSWORD: 'short' }, /^LIFELINE_AGENT_PASSWORD .*8 characters/],
    [{ LIFELINE_SECRET: 'guessable' }, /^LIFELINE_SECRET /],
    [{ LIFELINE_TRUST_PROXY: 'yes' }, /^LIFELINE_TRUST_PROXY /],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '-1' }, /^LIFELINE_PHRASINGS_PER_ARTICLE must be a whole number/],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '1e3' }, /^LIFELINE_PHRASINGS_PER_ARTICLE /],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '10001' }, /^LIFELINE_PHRASINGS_PER_ARTICLE .*"10001"/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
