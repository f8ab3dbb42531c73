/**
 * Every language's hours words, for the server and the tests (size does not matter there). The
 * widget never imports this file: its hours chunk fetches only the language the visitor reads
 * (src/widget/panel/hours/words.ts), each a chunk of its own, so it is not in src/hours/index.ts.
 */
import type { HoursLanguage, HoursWords } from '../words';
import en from './hours-en';
import fr from './hours-fr';
import de from './hours-de';
import es from './hours-es';
import it from './hours-it';
import pt from './hours-pt';
import nl from './hours-nl';
import pl from './hours-pl';
import ar from './hours-ar';
import he from './hours-he';
import ja from './hours-ja';
import zh from './hours-zh';
import zhHant from './hours-zh-Hant';

export const HOURS_WORDS: Record<HoursLanguage, HoursWords> = { en, fr, de, es, it, pt, nl, pl, ar, he, ja, zh, 'zh-Hant': zhHant };
