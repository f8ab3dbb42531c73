/** Every search language, registered at once: for Node (the CLI, the benchmark, tests), where size does not matter. */
import { registerLanguage } from '../language';
import ar from './search-ar';
import de from './search-de';
import en from './search-en';
import es from './search-es';
import fr from './search-fr';
import he from './search-he';
import it from './search-it';
import ja from './search-ja';
import nl from './search-nl';
import pl from './search-pl';
import pt from './search-pt';
import zh from './search-zh';

for (const table of [en, fr, de, es, it, pt, nl, pl, ar, he, ja, zh]) registerLanguage(table);
