/**
 * `npm start` (`lifeline serve --demo`) runs the demo shop, Northwind Cycles: its server knows
 * the demo's articles and keeps the shop's hours, the ones its pages give in `data-hours`, so a
 * callback is never offered at 2 AM. Chat stays open at every hour, so that whoever tries the
 * demo can always reach the console. Whatever the environment sets wins.
 */
import { join } from 'node:path';

export const DEMO_HOURS = 'Mo-Fr 09:00-17:00; Sa 10:00-14:00; chat: Mo-Su 00:00-24:00';
export const DEMO_TIMEZONE = 'America/New_York';

export function withDemoDefaults(env: NodeJS.ProcessEnv, root: string): NodeJS.ProcessEnv {
  const unset = (name: string): boolean => (env[name]?.trim() ?? '') === '';
  return {
    ...env,
    ...(unset('LIFELINE_ARTICLES') && { LIFELINE_ARTICLES: join(root, 'dist', 'articles.json') }),
    ...(unset('LIFELINE_HOURS') && { LIFELINE_HOURS: DEMO_HOURS }),
    ...(unset('LIFELINE_TIMEZONE') && { LIFELINE_TIMEZONE: DEMO_TIMEZONE }),
  };
}
