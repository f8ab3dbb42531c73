import { describe, expect, it } from 'vitest';
import { createPresence, RECENT_MS } from './presence';

describe('createPresence', () => {
  it('counts agents seen in the last two minutes or with a stream open', () => {
    let t = 0;
    const presence = createPresence(() => t);
    presence.seen('ada');
    const disconnect = presence.connect('bob');
    expect(presence.online()).toBe(2);
    t += RECENT_MS;
    expect(presence.online()).toBe(1); // Ada went quiet; Bob is connected
    disconnect();
    disconnect(); // twice is harmless
    expect(presence.online()).toBe(1); // Bob was there until just now
    t += RECENT_MS;
    expect(presence.online()).toBe(0);
  });
});
