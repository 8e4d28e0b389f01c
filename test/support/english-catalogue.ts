// The English catalogue is loaded on demand in the app (i18n.ts); unit tests switch languages
// synchronously, so it is loaded once up front here.
import { loadLocale } from '../../src/app/i18n/i18n.ts';

await loadLocale('en');
