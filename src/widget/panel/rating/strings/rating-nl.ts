import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Hoe was dit gesprek?',
  good: 'Goed',
  bad: 'Slecht',
  repeatQuestion: 'Moest u iets herhalen wat u al had geprobeerd?',
  yes: 'Ja',
  no: 'Nee',
  comment: 'Wilt u nog iets toevoegen? (optioneel)',
  send: 'Versturen',
  chooseFirst: 'Kies eerst Goed of Slecht.',
  thanks: 'Bedankt dat u het ons laat weten.',
  failed: 'Uw antwoord kon niet worden verstuurd. Probeer het opnieuw.',
  sendTranscript: 'Stuur mij dit gesprek',
  transcriptTo: (email) => `Een kopie? We mailen dit gesprek naar ${email}.`,
  transcriptSent: (email) => `Het gesprek is onderweg naar ${email}.`,
  transcriptFailed: 'Het kon niet worden verstuurd. Probeer het opnieuw.',
};

export default strings;
