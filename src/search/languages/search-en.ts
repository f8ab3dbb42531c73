/** English for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'en',
  stop:
    'a about all also am an and any are as at be been but by can could did do does doing for from ' +
      'had has have having he her here hi hey hello his how i if in into is it its just me my myself no ' +
      'not of on or our ours please so some that the their them then there these they this those to ' +
      'too us very was we were what when where which who whom why will with would you your yours im ' +
      'ive id ill dont doesnt didnt cant cannot couldnt wont isnt arent wasnt werent havent hasnt hadnt ' +
      'youre thats whats theres thanks thank ok okay yes hmm ' +
      // Filler that says how someone feels, not what about: "I still need to know ...".
      'still yet already really actually even ever maybe perhaps want wants wanted need needs needed ' +
      'know tell something anything someone anyone thing things get got getting should shouldnt',
  suffixes: [
    ['ications', 'y'], ['ication', 'y'], ['ations', 'ate'], ['ation', 'ate'], ['ments', ''], ['ment', ''],
    ['nesses', ''], ['ness', ''], ['ingly', ''], ['ings', ''], ['ing', ''], ['ies', 'y'], ['ied', 'y'],
    ['edly', ''], ['ed', ''], ['ly', '', 4], ['al', '', 4], ['es', ''], ['s', ''], ['e', ''],
  ],
  // "s" after s, u or i is part of the word (class, status, this).
  keepS: /[sui]$/,
  // "stopped" -> "stopp" -> "stop", so it meets "stop"; ll, ss and zz are how words are spelt.
  undouble: /([^aeiouylsz])\1$/,
  // "charge" -> "charg", so it meets "charged" and "charging".
  dropE: true,
  // Common irregular verbs, so "paid" meets "pay" and "stolen" meets "steal".
  irregular:
    'paid pay sent send lost lose spent spend bought buy came come went go gone go took take taken take ' +
    'made make gave give given give stole steal stolen steal froze freeze frozen freeze withdrew withdraw ' +
    'withdrawn withdraw found find left leave kept keep saw see seen see thought think held hold brought bring ' +
    'chose choose chosen choose broke break broken break forgot forget forgotten forget wrote write written write ' +
    'began begin begun begin understood understand meant mean felt feel heard hear ran run rode ride ridden ride ' +
    'drove drive driven drive fell fall fallen fall sold sell won win caught catch taught teach built build ' +
    'lent lend owed owe hid hide hidden hide shown show',
  // Question words and negations: "Why isn't my card working?" is the answer to "my card doesn't
  // work" more than "How do I activate my card?" is.
  forms:
    'why why how how when when where where what what which what ' +
    'no not not not never not dont not doesnt not didnt not cant not cannot not couldnt not wont not isnt not ' +
    'arent not wasnt not werent not havent not hasnt not hadnt not wouldnt not shouldnt not',
  // accept/acceptance, deliver/delivery, expire/expiry, object/objective, activate/activation:
  // stems as the suffixes above leave them.
  derivations: 'anc enc ancy ency ion at ity iv ment ness abl ibl al er or y ist ism',
  // British and American spellings: recognise/recognize, organisation/organization.
  spellings: 'is iz isat izat ys yz',
  // Everyday words people use for one another, written as general English (a thesaurus's
  // commonest entries), not from any set's questions: a site owner's own synonyms add theirs.
  related:
    'money cash funds|fee charge cost price|refund reimburse|cancel cancellation undo|' +
    'buy purchase|shop store seller merchant vendor|order purchase|wrong incorrect mistaken|' +
    'error mistake|lost missing|stolen theft|arrive delivery deliver|receive receipt|' +
    'problem issue trouble|fix repair solve resolve|broken damaged faulty|help support assist|' +
    'fast quick express urgent|slow late delay|start begin|stop end|close delete remove|' +
    'change modify edit update alter|check verify confirm|show display appear|abroad overseas foreign international|' +
    'allow permit|refuse decline reject deny|fail failure unsuccessful|twice double duplicate|extra additional|' +
    'message email mail notification|phone mobile smartphone cellphone|choose select pick|address location|' +
    'limit maximum|amount sum|give send|obtain acquire|disappear vanish|odd strange unusual|' +
    'unknown unrecognised unrecognized unfamiliar|secure safe|fraud scam|identification identity',
};

export default table;
