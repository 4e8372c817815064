/** Writes docs/privacy.md from the English policy (src/ui/privacy/policy.ts). Run: npx tsx src/ui/privacy/write-md.ts */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY, policyMarkdown } from './policy';

writeFileSync(join(import.meta.dirname, '../../../docs/privacy.md'), policyMarkdown(POLICY.en));
