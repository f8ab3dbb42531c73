import { describe, expect, it } from 'vitest';
import { personalData } from './personal-data';

describe('personal data in a search', () => {
  it.each([
    // The searches issue 10 found published by GET /v1/phrasings.
    ['my name is Ada Lovelace, 12 High Street', 'name'],
    ['Ada Lovelace 12 High Street refund', 'address'],
    ['where is order 482913', 'reference'],
    ['refund to card ending 4242', 'card'],
    // Names
    ['my name is ada', 'name'],
    ["my name's Ada", 'name'],
    ['I am Ada Lovelace', 'name'],
    ["I'm Sam and my bike broke", 'name'],
    ['I’m called Sam', 'name'],
    ['this is Sam from Leeds', 'name'],
    ["je m'appelle Ada", 'name'],
    ['Je suis Ada', 'name'],
    ['ich heiße Ada', 'name'],
    ['Ich bin Jonas', 'name'],
    ['me llamo Ana', 'name'],
    ['mi nombre es Ana', 'name'],
    // Street addresses
    ['deliver to 221b Baker Street', 'address'],
    ['4 Elm Rd not found', 'address'],
    ['12 rue de la Paix livraison', 'address'],
    ['Lieferung Hauptstraße 5', 'address'],
    ['Bahnhofstr. 12 Paket', 'address'],
    ['envío a Calle Mayor 5', 'address'],
    // Numbers, e-mail, cards, references
    ['parcel 1234 missing', 'number'],
    ['call me on +1 800 555 0199', 'number'],
    ['refund for ada@example.com', 'email'],
    ['visa 4242 declined', 'card'],
    ['charged twice on my card ending in 42', 'card'],
    ['refund ••••••••••••4242', 'card'],
    ['ref ABC123 late', 'reference'],
    ['status of #A1B2C3', 'reference'],
    ['invoice no. 42', 'reference'],
    ['A1B2C3 where is it', 'reference'],
    ['commande 98765', 'reference'],
    ['Bestellung 4711', 'reference'],
    ['pedido 12345 retrasado', 'reference'],
  ])('%j looks like personal data (%s)', (text, kind) => {
    expect(personalData(text)).toBe(kind);
  });

  it.each([
    'karaoke song lyrics',
    'How do I get a refund?',
    'I am locked out of my account',
    "I'm not getting my money back",
    'this is broken',
    'card arrives in 10 days',
    'order 2 helmets',
    'refund after 30 days',
    'change my order address',
    'mp3 player covid19',
    'ich bin nicht zufrieden',
    'top up in 2 days',
  ])('%j does not', (text) => {
    expect(personalData(text)).toBeNull();
  });
});
