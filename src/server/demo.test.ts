import { describe, expect, it } from 'vitest';
import { readSettings } from './config';
import { DEMO_HOURS, withDemoDefaults } from './demo';

describe('withDemoDefaults (npm start)', () => {
  it('gives the demo shop’s articles, hours and zone where the environment is silent', () => {
    const settings = readSettings(withDemoDefaults({ LIFELINE_HOURS: ' ' }, '/srv/lifeline'));
    expect(settings.articles).toBe('/srv/lifeline/dist/articles.json');
    expect(settings.hours.zone).toBe('America/New_York');
    // Callbacks and the phone keep the shop's hours; chat is open at every hour.
    expect(settings.hours.schedule.callback!.week[0]).toEqual([]);
    expect(settings.hours.schedule.phone!.week[1]).toEqual([{ start: 540, end: 1020 }]);
    expect(settings.hours.schedule.chat!.week[0]).toEqual([{ start: 0, end: 1440 }]);
    expect(DEMO_HOURS.startsWith('Mo-Fr 09:00-17:00; Sa 10:00-14:00')).toBe(true); // as the demo pages' data-hours
  });

  it('lets the environment win, each variable on its own', () => {
    const own = withDemoDefaults({ LIFELINE_ARTICLES: 'https://shop.example.com/a.json', LIFELINE_HOURS: 'Mo-Su 08:00-20:00', LIFELINE_TIMEZONE: 'Europe/Paris' }, '/srv');
    expect(own).toMatchObject({ LIFELINE_ARTICLES: 'https://shop.example.com/a.json', LIFELINE_HOURS: 'Mo-Su 08:00-20:00', LIFELINE_TIMEZONE: 'Europe/Paris' });
    expect(withDemoDefaults({ LIFELINE_TIMEZONE: 'Europe/Paris' }, '/srv').LIFELINE_TIMEZONE).toBe('Europe/Paris');
  });
});
