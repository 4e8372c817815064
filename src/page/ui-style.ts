/** The styles of everything inside our closed shadow root (markers, card, notices, overlay boxes). */
export const UI_CSS = `
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; width: 26px; height: 26px; border-radius: 13px; border: 2px solid #fff;
  background: #b91c1c; color: #fff; font: 700 13px/22px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); padding: 0; }
.marker.fallback { border-style: dashed; }
.marker:focus-visible, .card button:focus-visible, .card a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.card { position: absolute; z-index: 2147483647; max-width: 380px; min-width: 260px; max-height: 70vh; overflow: auto; background: #fff; color: #1f2937;
  border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22); font: 14px/1.45 system-ui, sans-serif; padding: 12px 14px; }
.card h2 { font-size: 14px; margin: 0 24px 8px 0; }
.card h3 { font-size: 14px; margin: 10px 0 2px; }
.card .tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 7px; border-radius: 9px; margin-right: 6px; border: 1px solid currentColor; }
.card .excerpt { border-left: 3px solid #d1d5db; margin: 4px 0; padding: 2px 8px; color: #374151; white-space: pre-wrap; }
.card ul { margin: 4px 0; padding-left: 18px; }
.card a { color: #1d4ed8; }
.card .close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 18px; cursor: pointer; color: #374151; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.card .actions button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb; color: #111827; cursor: pointer; }
.card .note { font-size: 12px; color: #4b5563; margin-top: 8px; }
.card .fallback-note { font-size: 12px; background: #fef3c7; color: #78350f; border-radius: 6px; padding: 4px 8px; margin: 0 0 8px; }
.marker.thread { width: auto; min-width: 26px; padding: 0 8px; background: #92400e; }
.box { position: absolute; pointer-events: none; z-index: 2147483645; }
.save { position: absolute; z-index: 2147483646; width: 24px; height: 24px; border-radius: 12px; border: 2px solid #fff; background: #374151; color: #fff;
  font: 700 13px/18px system-ui, sans-serif; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); padding: 0; }
.save:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #111827; color: #e5e7eb; border-color: #374151; }
  .card .excerpt { color: #d1d5db; border-color: #4b5563; }
  .card a { color: #93c5fd; }
  .card .close { color: #e5e7eb; }
  .card .actions button { background: #1f2937; color: #f9fafb; border-color: #6b7280; }
  .card .note { color: #9ca3af; }
  .card .fallback-note { background: #451a03; color: #fde68a; }
}`;
