/**
 * Entry of dist/lifeline.js, the one file a site owner pastes. `document.currentScript` is only
 * set while this classic script first runs, so it is read here and nowhere else.
 */
import { boot } from './loader';

boot(
  (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="lifeline"][src$=".js"]'),
);
