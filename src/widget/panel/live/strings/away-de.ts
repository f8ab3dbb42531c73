import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Antwort per E-Mail erhalten',
  nobody: 'Hinterlassen Sie Ihre E-Mail-Adresse, dann kommt die Antwort dorthin, auch wenn Sie diese Seite schließen.',
  leaving: 'Keine Zeit zu warten? Wenn Sie gehen, schicken wir Ihnen die Antwort per E-Mail.',
  label: 'Ihre E-Mail-Adresse',
  submit: 'Antwort per E-Mail senden',
  saved: (email) => `Wenn Sie vor unserer Antwort gehen, schicken wir sie an ${email}.`,
  problem: {
    empty: 'Geben Sie Ihre E-Mail-Adresse ein.',
    long: `Diese Adresse ist zu lang (höchstens ${EMAIL_MAX} Zeichen).`,
    format: 'Geben Sie eine E-Mail-Adresse ein, etwa name@beispiel.de.',
    refused: 'Wir konnten diese Adresse nicht speichern. Prüfen Sie sie und versuchen Sie es erneut.',
    offline: 'Wir erreichen unser Team gerade nicht. Versuchen Sie es gleich noch einmal.',
  },
  reopen: {
    expired: 'Der Link in Ihrer E-Mail ist abgelaufen. Sie können uns hier erneut fragen.',
    invalid: 'Dieser Link öffnet keine Unterhaltung. Kopieren Sie den ganzen Link aus der E-Mail oder fragen Sie uns hier erneut.',
    offline: 'Wir erreichen unser Team gerade nicht, um Ihre Unterhaltung zu öffnen. Öffnen Sie den Link gleich noch einmal.',
  },
};

export default words;
