import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../core/api/channels';
import { renderApiDocs } from './api-docs';

describe('docs/API.md', () => {
  it('is generated from the current schemas (run `npm run docs:api` if this fails)', () => {
    const committed = readFileSync(new URL('../docs/API.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderApiDocs());
  });

  it('documents every channel', () => {
    const docs = renderApiDocs();
    for (const name of CHANNEL_NAMES) expect(docs).toContain(`### \`${name}\``);
  });
});
