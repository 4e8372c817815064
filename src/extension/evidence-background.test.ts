/**
 * The screenshot crop: rects in CSS pixels become device-pixel crops of the visible-tab
 * capture (scale measured from the capture, not trusted from devicePixelRatio), clipped to
 * the image; messages off screen get none. Canvas and bitmap are stubbed (Node has neither).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CapturedMessage } from './evidence-messages';
import { cropMessages } from './evidence-background';

const draws: number[][] = [];
class FakeCanvas {
  constructor(readonly width: number, readonly height: number) {}
  getContext() {
    return { drawImage: (_img: unknown, ...args: number[]) => draws.push(args) };
  }
  async convertToBlob() {
    return new Blob([new Uint8Array([137, 80, 78, 71, this.width % 256, this.height % 256])], { type: 'image/png' });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  draws.length = 0;
});

const msg = (id: string, rect?: CapturedMessage['rect']): CapturedMessage => ({ id, direction: 'incoming', text: 'x', findings: [], ...(rect ? { rect } : {}) });

describe('cropMessages', () => {
  it('crops each on-screen message at the capture scale, clips at the edges, skips what is off screen', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Blob([new Uint8Array([1])])));
    vi.stubGlobal('createImageBitmap', async () => ({ width: 2000, height: 1600, close: () => undefined }));
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    const r = await cropMessages('data:image/png;base64,AA==', {
      // the page says dpr 1 but the capture is 2x (browser zoom): the scale comes from the image
      viewport: { width: 1000, height: 800, dpr: 1 },
      messages: [msg('a', { x: 10, y: 20, width: 300, height: 100 }), msg('b', { x: 900, y: 700, width: 300, height: 300 }), msg('c', { x: 0, y: 900, width: 100, height: 50 }), msg('d')],
    });
    expect([...r.pngs.keys()]).toEqual(['a', 'b']);
    expect(draws).toEqual([
      [20, 40, 600, 200, 0, 0, 600, 200],
      [1800, 1400, 200, 200, 0, 0, 200, 200],
    ]);
    expect(r.noScreenshot).toBe('off-screen');
  });
});
