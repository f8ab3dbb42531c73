import { describe, expect, it } from 'vitest';
import { ownOrigins } from './origins';

describe('ownOrigins', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1' }, { address: '::1' }],
    eth0: [{ address: '192.0.2.10' }, { address: 'fe80::1' }],
  } as unknown as Parameters<typeof ownOrigins>[1];

  it('is LIFELINE_PUBLIC_URL’s origin alone when it is set', () => {
    expect(ownOrigins({ host: '0.0.0.0', port: 8787, publicOrigin: 'https://help.example.com' }, interfaces)).toEqual(['https://help.example.com']);
  });

  it('names a loopback address by all its names', () => {
    expect(ownOrigins({ host: '127.0.0.1', port: 8787, publicOrigin: null }, interfaces)).toEqual([
      'http://localhost:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
    ]);
  });

  it('is every address of the machine for 0.0.0.0, and the address itself otherwise', () => {
    expect(ownOrigins({ host: '0.0.0.0', port: 80, publicOrigin: null }, interfaces)).toEqual([
      'http://localhost',
      'http://127.0.0.1',
      'http://[::1]',
      'http://192.0.2.10',
      'http://[fe80::1]',
    ]);
    expect(ownOrigins({ host: 'help.internal', port: 8787, publicOrigin: null }, interfaces)).toEqual(['http://help.internal:8787']);
  });
});
