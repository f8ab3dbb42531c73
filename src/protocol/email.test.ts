import { describe, expect, it } from 'vitest';
import { checkEmail } from './email';

describe('checkEmail', () => {
  it('takes one address as people type it, trimmed', () => {
    for (const ok of ['ann@example.com', ' ann.lee+orders@mail.example.co.uk ', 'josé@exemple.fr', 'a@b.io']) {
      expect(checkEmail(ok)).toEqual({ email: ok.trim(), problem: null });
    }
  });

  it('refuses what a mail header could read as more than one recipient or another header', () => {
    for (const bad of ['ann@', '@example.com', 'ann', 'ann@example', 'a@b.com, c@d.com', 'a@b.com;c@d.com', 'Ann <ann@example.com>', 'a@b.com\r\nBcc: x@y.com', 'a b@c.com', 'a@@b.com', 'a@b..com', '"a"@b.com']) {
      expect(checkEmail(bad).problem, bad).toBe('format');
    }
  });

  it('says an empty and an overlong address apart', () => {
    expect(checkEmail('   ').problem).toBe('empty');
    expect(checkEmail(`${'a'.repeat(64)}@${'b'.repeat(190)}.com`).problem).toBe('long');
    expect(checkEmail(`${'a'.repeat(65)}@b.com`).problem).toBe('format'); // the part before @ is at most 64
  });
});
