/** Every search language, registered at once: for Node (the CLI, the benchmark, tests), where size does not matter. */
import { registerLanguage } from '../language';
import de from './search-de';
import en from './search-en';
import es from './search-es';
import fr from './search-fr';

for (const table of [en, fr, de, es]) registerLanguage(table);
