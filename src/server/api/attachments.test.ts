import { describe, expect, it } from 'vitest';
import type { CreateHandoffResponse, HandoffState, Message } from '../../protocol/types';
import type { AgentHandoffDetail } from './agent-types';
import { bearer, createHandoff, eachTestOnAFreshServer, ORIGIN, send, signIn, startTestServer } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR'), 1, 2, 3]);
const PDF = new Uint8Array(ascii('%PDF-1.7\n1 0 obj\n%%EOF\n'));
const SVG = new Uint8Array(ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
const HTML = new Uint8Array(ascii('<!doctype html><script>alert(1)</script>'));

const uploadAs = (path: string, bytes: Uint8Array, headers: Record<string, string>, name = 'file.png', clientMessageId: string = crypto.randomUUID()) =>
  Promise.resolve(
    server.app.request(`${path}?clientMessageId=${encodeURIComponent(clientMessageId)}&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
const visitorUpload = (h: CreateHandoffResponse, bytes: Uint8Array, name?: string, id?: string) =>
  uploadAs(`/v1/handoffs/${h.id}/attachments`, bytes, bearer(h.token), name, id);

describe('POST /v1/handoffs/:id/attachments (the visitor)', () => {
  it('stores a PNG as a message of its own, told to the visitor and the agent, and answers a retry with the stored one', async () => {
    const h = await createHandoff(server.app);
    const first = await visitorUpload(h, PNG, 'Screenshot 2026-12-05.png', 'upload-0001');
    expect(first.status).toBe(201);
    const { message } = (await first.json()) as { message: Message };
    expect(message).toMatchObject({ clientMessageId: 'upload-0001', from: 'visitor', text: '', attachments: [{ name: 'Screenshot 2026-12-05.png', type: 'image/png', size: PNG.length }] });

    const again = await visitorUpload(h, PNG, 'Screenshot 2026-12-05.png', 'upload-0001');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { message: Message }).message).toEqual(message);

    const state = (await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json()) as HandoffState;
    expect(state.messages).toEqual([message]);
    const { cookie } = await signIn(server);
    const detail = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(detail.messages).toEqual([message]);
    const told = (await server.store.eventLogAfter(0, 100)).filter((e) => e.event.type === 'message');
    expect(told).toHaveLength(1);
  });

  it('refuses SVG and HTML whatever their name says, and stores nothing', async () => {
    const h = await createHandoff(server.app);
    for (const [bytes, name] of [[SVG, 'logo.png'], [HTML, 'page.pdf'], [SVG, 'logo.svg']] as const) {
      const res = await visitorUpload(h, bytes, name);
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ code: 'attachment_refused', error: expect.stringMatching(/^Only PNG, JPEG, WebP or GIF images and PDF files can be attached/), attachmentProblem: 'type' });
    }
    expect(await server.store.messages(h.id)).toEqual([]);
  });

  it('refuses a file over LIFELINE_ATTACHMENT_MAX_MB (413), an empty one (400), another content type (415) and a bad clientMessageId (400)', async () => {
    const small = await startTestServer({ attachmentMaxBytes: 64 });
    try {
      const h = await createHandoff(small.app);
      const big = new Uint8Array(65);
      big.set(PNG);
      const res = await small.app.request(`/v1/handoffs/${h.id}/attachments?clientMessageId=upload-big-1&name=a.png`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...bearer(h.token) },
        body: big,
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ code: 'attachment_refused', error: expect.stringMatching(/larger than .* MB \(LIFELINE_ATTACHMENT_MAX_MB\)/), attachmentProblem: 'too_big' });
      const status = await (await small.app.request('/v1/status')).json();
      expect(status.attachmentMaxBytes).toBe(64);
    } finally {
      await small.close();
      await small.cleanup();
    }
    const h = await createHandoff(server.app);
    const empty = await visitorUpload(h, new Uint8Array(), 'x.png');
    expect(empty.status).toBe(400);
    expect((await empty.json()).attachmentProblem).toBe('empty');
    const json = await send(server.app, 'POST', `/v1/handoffs/${h.id}/attachments?clientMessageId=upload-json&name=a.png`, { file: 'x' }, bearer(h.token));
    expect(json.status).toBe(415);
    expect((await json.json()).error).toMatch(/application\/octet-stream/);
    const badId = await visitorUpload(h, PNG, 'a.png', 'no');
    expect(badId.status).toBe(400);
    expect((await badId.json()).path).toBe('clientMessageId');
  });

  it('takes files larger than the JSON body limit of 64 KiB', async () => {
    const h = await createHandoff(server.app);
    const large = new Uint8Array(300 * 1024);
    large.set(PDF);
    const res = await visitorUpload(h, large, 'manual.pdf');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { message: Message }).message.attachments![0]!.size).toBe(large.length);
  });

  it('needs the handoff’s token, to upload and to read', async () => {
    const h = await createHandoff(server.app);
    const other = await createHandoff(server.app);
    expect((await uploadAs(`/v1/handoffs/${h.id}/attachments`, PNG, {})).status).toBe(401);
    expect((await uploadAs(`/v1/handoffs/${h.id}/attachments`, PNG, bearer(other.token))).status).toBe(401);
    const { message } = (await (await visitorUpload(h, PNG)).json()) as { message: Message };
    const path = `/v1/handoffs/${h.id}/attachments/${message.attachments![0]!.id}`;
    expect((await send(server.app, 'GET', path)).status).toBe(401);
    expect((await send(server.app, 'GET', path, undefined, bearer(other.token))).status).toBe(401);
    // Another handoff's token on its own handoff does not reach this file either.
    expect((await send(server.app, 'GET', `/v1/handoffs/${other.id}/attachments/${message.attachments![0]!.id}`, undefined, bearer(other.token))).status).toBe(404);
    const { cookie } = await signIn(server);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}/attachments/${message.attachments![0]!.id}`)).status).toBe(401);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}/attachments/${message.attachments![0]!.id}`, undefined, cookie)).status).toBe(200);
  });
});

describe('GET .../attachments/:id: served so that it can never run as a page', () => {
  it('serves an image inline and a PDF as a download, both with nosniff and a sandbox CSP', async () => {
    const h = await createHandoff(server.app);
    const png = ((await (await visitorUpload(h, PNG, 'shot.png')).json()) as { message: Message }).message.attachments![0]!;
    const pdf = ((await (await visitorUpload(h, PDF, 'Facture n°12 "final".pdf')).json()) as { message: Message }).message.attachments![0]!;
    expect(pdf.name).toBe('Facture n°12 final.pdf');

    const image = await send(server.app, 'GET', `/v1/handoffs/${h.id}/attachments/${png.id}`, undefined, bearer(h.token));
    expect(image.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-security-policy', 'content-disposition'].map((k) => [k, image.headers.get(k)]))).toEqual({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'content-disposition': `inline; filename="shot.png"; filename*=UTF-8''shot.png`,
    });
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

    const { cookie } = await signIn(server);
    const doc = await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}/attachments/${pdf.id}`, undefined, cookie);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(doc.headers.get('content-security-policy')).toBe('sandbox');
    expect(doc.headers.get('content-disposition')).toBe(`attachment; filename="Facture n_12 final.pdf"; filename*=UTF-8''Facture%20n%C2%B012%20final.pdf`);
    expect(new Uint8Array(await doc.arrayBuffer())).toEqual(PDF);
  });
});

describe('POST /v1/agent/handoffs/:id/attachments (an agent)', () => {
  it('sends the agent’s file to the visitor, claiming the chat as a reply does; same origin and a session only', async () => {
    const h = await createHandoff(server.app);
    const { cookie } = await signIn(server);
    const path = `/v1/agent/handoffs/${h.id}/attachments`;
    expect((await uploadAs(path, PDF, {}, 'label.pdf')).status).toBe(401);
    expect((await uploadAs(path, PDF, { ...cookie, origin: 'https://evil.example' }, 'label.pdf')).status).toBe(403);
    const res = await uploadAs(path, PDF, { ...cookie, origin: ORIGIN }, 'label.pdf', 'agent-upload-1');
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: Message };
    expect(message).toMatchObject({ from: 'agent', author: 'Ada', attachments: [{ name: 'label.pdf', type: 'application/pdf' }] });
    expect((await server.store.findHandoff(h.id))!.status).toBe('active');
    const state = (await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json()) as HandoffState;
    expect(state.messages.at(-1)).toEqual(message);
    const read = await send(server.app, 'GET', `/v1/handoffs/${h.id}/attachments/${message.attachments![0]!.id}`, undefined, bearer(h.token));
    expect(read.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await uploadAs(path, SVG, cookie, 'x.svg')).status).toBe(415);
  });
});
