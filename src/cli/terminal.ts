/**
 * Text from input (ids, message text, excerpts, zip member names, parse errors that quote the
 * input) must never reach a terminal as control sequences: an ESC, CSI, OSC or C1 control can
 * move the cursor, erase "INVALID" and draw "valid", set the window title or write a
 * hyperlink. Every string from input goes through `forTerminal` before it is printed; the
 * CLI's own colours are added after.
 */

// C0 controls (keeping \t and, on request, \n), DEL, C1 controls (U+0080–U+009F, which some
// terminals read as 8-bit CSI/OSC), the Unicode line and paragraph separators, and the bidi
// embedding, override and isolate controls (they reorder what is shown: "Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_NL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function code(c: string): string {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every control character written out as \xHH or \uHHHH, so it shows as text.
 * `keepNewlines`: a message body keeps its line breaks (each line is still plain text);
 * an id, a file name or an error message is one line and gets \x0a instead.
 */
export function forTerminal(s: unknown, keepNewlines = false): string {
  const text = typeof s === 'string' ? s : String(s);
  return text.replace(keepNewlines ? UNSAFE_KEEP_NL : UNSAFE, code);
}

// JSON.stringify already escapes C0; the rest of the set above it leaves raw.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the controls JSON.stringify leaves raw written as \uHHHH (the same JSON value). */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
