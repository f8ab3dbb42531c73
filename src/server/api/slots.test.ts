/**
 * Hours and callback slots on the server: /v1/status from LIFELINE_HOURS, booking a free slot,
 * refusing a taken or made-up one with 409 and the free slots, no overbooking under concurrent
 * requests, and cancelling (idempotent) giving the place back.
 */
import { describe, expect, it } from 'vitest';
import type { BackendStatus, CallbackSlot, CreateHandoffResponse, ErrorBody } from '../../protocol/types';
import { parseHours } from '../../hours';
import { bearer, eachTestOnAFreshServer, handoffBody, send, signIn, type StartedServer } from '../testing';

// The test clock starts at Saturday 2025-03-01 10:00Z, which is 05:00 in New York (EST).
const NY = 'America/New_York';
const hours = (spec: string) => ({ schedule: parseHours(spec).schedule, zone: NY });

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), {
  hours: hours('Mo-Fr 09:00-17:00; callback: Sa 09:00-10:00; callback: Mo-Fr 09:00-17:00; phone: Mo-Sa 08:00-20:00'),
  callbacks: { slotMinutes: 30, perSlot: 2 },
});

const status = async (): Promise<BackendStatus> => (await send(server.app, 'GET', '/v1/status')).json() as Promise<BackendStatus>;
const book = (slot: CallbackSlot, clientId: string = crypto.randomUUID()) =>
  send(server.app, 'POST', '/v1/handoffs', handoffBody({ clientId, channel: 'callback', callback: { phone: '+1 555 0100', ...slot } }));

describe('GET /v1/status with opening hours', () => {
  it('says which channels are open, when the closed ones open, and the next free slots', async () => {
    const s = await status();
    expect(s.timezone).toBe(NY);
    expect(s.channels).toEqual({
      // Saturday: chat opens Monday 09:00 EST.
      chat: { open: false, nextOpening: '2025-03-03T14:00:00.000Z', closesAt: null },
      callback: { open: false, nextOpening: '2025-03-01T14:00:00.000Z', closesAt: null },
      phone: { open: false, nextOpening: '2025-03-01T13:00:00.000Z', closesAt: null },
    });
    expect(s.chatWaitSeconds).toBeNull(); // closed: no wait to tell
    // Whole days, the first three with a free slot: Saturday's two, Monday's and Tuesday's sixteen.
    expect(s.callbackSlots).toHaveLength(2 + 16 + 16);
    expect(s.callbackSlots!.at(-1)).toEqual({ from: '2025-03-04T21:30:00.000Z', to: '2025-03-04T22:00:00.000Z' });
    expect(s.callbackSlots!.slice(0, 8)).toEqual([
      { from: '2025-03-01T14:00:00.000Z', to: '2025-03-01T14:30:00.000Z' },
      { from: '2025-03-01T14:30:00.000Z', to: '2025-03-01T15:00:00.000Z' },
      { from: '2025-03-03T14:00:00.000Z', to: '2025-03-03T14:30:00.000Z' },
      { from: '2025-03-03T14:30:00.000Z', to: '2025-03-03T15:00:00.000Z' },
      { from: '2025-03-03T15:00:00.000Z', to: '2025-03-03T15:30:00.000Z' },
      { from: '2025-03-03T15:30:00.000Z', to: '2025-03-03T16:00:00.000Z' },
      { from: '2025-03-03T16:00:00.000Z', to: '2025-03-03T16:30:00.000Z' },
      { from: '2025-03-03T16:30:00.000Z', to: '2025-03-03T17:00:00.000Z' },
    ]);

    server.clock.advance(4 * 60 * 60_000 + 20 * 60_000); // 09:20 in New York
    const open = await status();
    expect(open.channels.callback).toEqual({ open: true, nextOpening: null, closesAt: '2025-03-01T15:00:00.000Z' });
    expect(open.channels.phone).toEqual({ open: true, nextOpening: null, closesAt: '2025-03-02T01:00:00.000Z' });
    // The 09:00 slot has begun and 09:30 is within the 15 minutes' notice: Monday's come first.
    expect(open.callbackSlots![0]).toEqual({ from: '2025-03-03T14:00:00.000Z', to: '2025-03-03T14:30:00.000Z' });
  });
});

describe('booking a callback slot', () => {
  it('takes a free slot and keeps it as the slot’s own times', async () => {
    const res = await book({ from: '2025-03-01T09:00:00-05:00', to: '2025-03-01T09:30:00-05:00' });
    expect(res.status).toBe(201);
    const h = (await res.json()) as CreateHandoffResponse;
    expect((await server.store.findHandoff(h.id))!.callback).toMatchObject({ from: '2025-03-01T14:00:00.000Z', to: '2025-03-01T14:30:00.000Z' });
  });

  it('refuses a time that is no slot with 409, naming the field and listing the free slots', async () => {
    for (const slot of [
      { from: '2025-03-01T14:10:00Z', to: '2025-03-01T14:40:00Z' }, // not on the grid
      { from: '2025-03-02T14:00:00Z', to: '2025-03-02T14:30:00Z' }, // Sunday: closed
      { from: '2025-03-01T14:00:00Z', to: '2025-03-01T15:00:00Z' }, // two slots at once
      { from: '2025-03-01T09:00:00Z', to: '2025-03-01T09:30:00Z' }, // the past
    ]) {
      const res = await book(slot);
      expect(res.status, JSON.stringify(slot)).toBe(409);
      const body = (await res.json()) as ErrorBody;
      expect(body).toMatchObject({ path: 'callback.from', error: expect.stringMatching(/not free/) });
      expect(body.slots).toHaveLength(2 + 16 + 16);
    }
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
  });

  it('gives a slot to as many callbacks as LIFELINE_CALLBACKS_PER_SLOT, then lists the others', async () => {
    const [first] = (await status()).callbackSlots!;
    expect((await book(first!)).status).toBe(201);
    expect((await book(first!)).status).toBe(201);
    const full = await book(first!);
    expect(full.status).toBe(409);
    const body = (await full.json()) as ErrorBody;
    expect(body.slots![0]).toEqual({ from: '2025-03-01T14:30:00.000Z', to: '2025-03-01T15:00:00.000Z' });
    expect((await status()).callbackSlots).not.toContainEqual(first);
  });

  it('never overbooks when visitors book the same slot at the same moment', async () => {
    const [first] = (await status()).callbackSlots!;
    const answers = await Promise.all(Array.from({ length: 6 }, () => book(first!)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    const booked = await server.store.bookedCallbacks('2025-03-01T00:00:00Z');
    expect(booked.get(first!.from)).toBe(2);
  });

  it('answers a repeated clientId with its handoff even once its slot is full', async () => {
    const [first] = (await status()).callbackSlots!;
    const clientId = crypto.randomUUID();
    const created = (await (await book(first!, clientId)).json()) as CreateHandoffResponse;
    expect((await book(first!)).status).toBe(201);
    const again = await book(first!, clientId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CreateHandoffResponse).id).toBe(created.id);
  });

  it('gives the place back when the visitor cancels, idempotently, and the console sees it cancelled', async () => {
    const [first] = (await status()).callbackSlots!;
    const a = (await (await book(first!)).json()) as CreateHandoffResponse;
    expect((await book(first!)).status).toBe(201);
    expect((await status()).callbackSlots).not.toContainEqual(first);

    for (let i = 0; i < 2; i++) {
      const res = await send(server.app, 'POST', `/v1/handoffs/${a.id}/cancel`, {}, bearer(a.token));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: a.id, status: 'cancelled' });
    }
    expect((await status()).callbackSlots![0]).toEqual(first);
    expect((await book(first!)).status).toBe(201);

    const { cookie } = await signIn(server);
    const detail = await (await send(server.app, 'GET', `/v1/agent/handoffs/${a.id}`, undefined, cookie)).json();
    expect(detail).toMatchObject({ status: 'cancelled', channel: 'callback', callback: first });
  });

  it('needs the visitor’s token to cancel', async () => {
    const [first] = (await status()).callbackSlots!;
    const a = (await (await book(first!)).json()) as CreateHandoffResponse;
    expect((await send(server.app, 'POST', `/v1/handoffs/${a.id}/cancel`, {})).status).toBe(401);
    expect((await send(server.app, 'POST', `/v1/handoffs/${a.id}/cancel`, {}, bearer('x'.repeat(43)))).status).toBe(401);
  });
});
