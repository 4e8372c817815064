/** Small pieces of the rule-file syntax shared by the compiler, the engine and the tests. */

/** What '…' in a Chinese pattern becomes: up to 8 characters that stay inside one clause. */
export const CLAUSE_GAP = '[^，。！？；,.!?;\\n]{0,8}';

export interface MarkedExample {
  /** the example without its [[ ]] markers */
  text: string;
  /** expected spans in `text`, end exclusive */
  spans: { start: number; end: number }[];
  problem?: string;
}

/** "You [[will be arrested]] today" -> text + span of "will be arrested". */
export function parseMarkedExample(example: string): MarkedExample {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let i = 0;
  let open = -1;
  while (i < example.length) {
    if (example.startsWith('[[', i)) {
      if (open >= 0) return { text, spans, problem: 'nested [[ ]] markers' };
      open = text.length;
      i += 2;
    } else if (example.startsWith(']]', i)) {
      if (open < 0) return { text, spans, problem: ']] without [[' };
      if (text.length === open) return { text, spans, problem: 'empty [[ ]] span' };
      spans.push({ start: open, end: text.length });
      open = -1;
      i += 2;
    } else {
      text += example[i];
      i++;
    }
  }
  if (open >= 0) return { text, spans, problem: '[[ without ]]' };
  return { text, spans };
}
