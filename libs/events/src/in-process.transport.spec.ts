import { describe, expect, it } from 'vitest';
import { InProcessTransport } from './in-process.transport.ts';

describe('in-process transport', () => {
  it('resolves publish only after every group handled the message', async () => {
    const t = new InProcessTransport();
    const handled: string[] = [];
    for (const group of ['a', 'b']) {
      await t.subscribe({ groupId: group, topics: ['events'], handle: async (m) => void (await new Promise((r) => setTimeout(r, 5)), handled.push(`${group}:${m.value}`)) });
    }
    await t.publish('events', [{ key: 'k', value: '1' }, { key: 'k', value: '2' }]);
    expect(handled.sort()).toEqual(['a:1', 'a:2', 'b:1', 'b:2']);
  });

  it('delivers to a group only what is published while it is subscribed: the outbox, not the bus, is the log', async () => {
    const t = new InProcessTransport();
    await t.publish('events', [{ key: 'k', value: 'before' }]);
    const seen: string[] = [];
    await t.subscribe({ groupId: 'late', topics: ['events'], fromBeginning: true, handle: async (m) => void seen.push(m.value) });
    await t.publish('events', [{ key: 'k', value: 'after' }]);
    expect(seen).toEqual(['after']);
  });

  it('retries a failing handler, then fails the publish so the relay keeps the event', async () => {
    const t = new InProcessTransport({ deliveryAttempts: 3 });
    let calls = 0;
    await t.subscribe({ groupId: 'g', topics: ['events'], handle: async (m) => {
      calls++;
      if (m.value === 'bad') throw new Error('no');
    } });
    await expect(t.publish('events', [{ key: 'k', value: 'bad' }])).rejects.toThrow('no');
    expect(calls).toBe(3);
    await t.publish('events', [{ key: 'k', value: 'good' }]);
    expect(calls).toBe(4);
  });

  it('fails the publish when the group stops before handling, so the relay keeps the event', async () => {
    const t = new InProcessTransport();
    let release!: () => void;
    const sub = await t.subscribe({ groupId: 'g', topics: ['events'], handle: () => new Promise<void>((r) => (release = r)) });
    const first = t.publish('events', [{ key: 'k', value: '1' }]);
    const second = t.publish('events', [{ key: 'k', value: '2' }]);
    await new Promise((r) => setTimeout(r, 10));
    const stopped = sub.stop();
    release();
    await first;
    await expect(second).rejects.toThrow(/stopped before handling events\/1/);
    await stopped;
  });
});
