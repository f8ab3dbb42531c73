/**
 * `lifeline index --lang zh-Hant`: a Taiwanese or Hong Kong help centre, indexed in Node as
 * Chinese, and a question in Traditional characters finding its article through the real bin.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));

async function lifeline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [bin, ...args]);
  child.child.stdin?.end('');
  return child.then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('lifeline index --lang zh-Hant', () => {
  it('indexes Traditional articles as Chinese, and a Traditional question finds its article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-hant-'));
    const json = join(dir, 'hant.json');
    await writeFile(
      json,
      JSON.stringify([
        { id: 'track', title: '查詢訂單物流', body: '您可以透過確認信中的連結查看訂單的配送狀態。' },
        { id: 'refund', title: '如何申請退款', body: '收到商品後 30 天內可以申請退貨，退款會在 5 天內退回原付款方式。' },
        { id: 'password', title: '重設密碼', body: '在登入頁面點選「忘記密碼」即可重設。' },
      ]),
    );
    const out = join(dir, 'articles.json');
    expect((await lifeline(['index', json, '--lang', 'zh-Hant', '--out', out])).code).toBe(0);
    const file = JSON.parse(await readFile(out, 'utf8')) as { lang: string; index: { lang: string; terms: string[] } };
    expect([file.lang, file.index.lang]).toEqual(['zh', 'zh']);
    expect(file.index.terms).toContain('訂單');
    const lines = (await lifeline(['search', out, '我的訂單在哪裡', '忘記密碼怎麼辦'])).stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { results: Array<{ id: string }> }).results[0]?.id)).toEqual(['track', 'password']);
  }, 30_000);

  it('names zh-Hant among the languages it takes', async () => {
    const result = await lifeline(['index', 'nothing.json', '--lang', 'zh-TW']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--lang expects one of en, fr, de, es, it, pt, nl, pl, ar, he, ja, zh, zh-Hant, got "zh-TW"');
  }, 30_000);
});
