/** Fallback for browsers without the CSS Highlight API: boxes under the flagged text, in our layer. */
import type { Category } from '../engine/types';
import { categoryStyle } from './highlight';
import type { UiLayer } from './layer';

export class Overlay {
  private boxes: HTMLElement[] = [];

  constructor(private readonly layer: UiLayer) {}

  draw(entries: { category: Category; range: Range }[]): void {
    for (const b of this.boxes) b.remove();
    this.boxes = [];
    for (const { category, range } of entries) {
      for (const rect of range.getClientRects()) {
        const box = this.layer.doc.createElement('div');
        box.className = 'box';
        const st = categoryStyle(category);
        const pos = this.layer.pagePosition(rect);
        box.style.cssText = `top:${pos.top}px;left:${pos.left}px;width:${rect.width}px;height:${rect.height}px;background:${st.background};border-bottom:2px ${st.line === 'wavy' ? 'solid' : st.line} ${st.colour};`;
        this.layer.append(box);
        this.boxes.push(box);
      }
    }
  }

  /** How many boxes are drawn (tests; the page cannot see them). */
  get count(): number {
    return this.boxes.length;
  }
}
